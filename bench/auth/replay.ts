// The replay check the peer's harness runs, on our side: each through a real password sign-in, then the code.
// Ours must refuse a code already accepted for the account, however the requests are timed.
import { sql } from "drizzle-orm";
import type { Database } from "@/db";
import { rowsOf } from "@/db/rows";
import { passwordSignIn, verifyCode, type TotpAccount, type VerifyOutcome } from "./flows";
import type { Client, Jar } from "./http";
import { sessionCookie } from "./seed";
import { stepAt, totpAtStep } from "./totp";

/** What the database recorded: second-step outcomes and upgraded (aal 2) sessions, for before/after differences. */
export async function phaseCounts(database: Database) {
  const [row] = rowsOf<{ passed: number; failed: number; upgraded: number }>(
    await database.db.execute(sql`select
      (select count(*) from events where type = 'challenge_passed')::int as passed,
      (select count(*) from events where type = 'challenge_failed')::int as failed,
      (select count(*) from sessions where upgraded_from is not null)::int as upgraded`),
  );
  return row!;
}

export async function replayCheck(input: { client: Client; accounts: [TotpAccount, TotpAccount]; lane: { jar: Jar; token: string } }) {
  const { client, lane } = input;
  const [sequential, concurrent] = input.accounts;
  const flow = async (account: TotpAccount, code: string): Promise<VerifyOutcome> => {
    const signedIn = await passwordSignIn(client, lane, account.user.email);
    if (!signedIn.outcome.ok) return signedIn.outcome;
    return verifyCode(client, signedIn.jar.get(sessionCookie)!, code);
  };
  const result = (o: VerifyOutcome) => (o.ok ? "accepted" : (o.refused ?? o.error));

  // Far enough from a step boundary that "the same step" holds for the whole check.
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 12_000) await new Promise((r) => setTimeout(r, left + 200));
  const step = stepAt(Date.now());
  const code = totpAtStep(sequential.key, step);
  const first = await flow(sequential, code);
  const second = await flow(sequential, code);
  const previous = await flow(sequential, totpAtStep(sequential.key, step - 1));
  const wrong = await flow(sequential, String((Number(code) + 1) % 1e6).padStart(6, "0"));
  const nextStep = await flow(sequential, totpAtStep(sequential.key, step + 1));

  // Four browsers that all passed the password submit the same code at the same moment: exactly one may pass.
  const signedIn = await Promise.all(Array.from({ length: 4 }, () => passwordSignIn(client, lane, concurrent.user.email)));
  const shared = totpAtStep(concurrent.key, step);
  const racing = await Promise.all(signedIn.map((s) => verifyCode(client, s.jar.get(sessionCookie) ?? "", shared)));
  const sameStep = stepAt(Date.now()) === step;
  return {
    phase: "totp_replay",
    first_use_accepted: first.ok,
    replayed_code_accepted: second.ok,
    replay_result: result(second),
    same_30s_step: sameStep,
    previous_step_code_accepted: previous.ok,
    previous_step_result: result(previous),
    next_step_code_accepted: nextStep.ok,
    wrong_code_rejected: !wrong.ok,
    concurrent_same_code: { submitted: racing.length, accepted: racing.filter((r) => r.ok).length, results: racing.map(result) },
    finding: second.ok
      ? "Stepwise ACCEPTED a replayed TOTP code: this is a bug"
      : "Stepwise refused the replayed TOTP code (codeUsed): a step at or before the account's last accepted step never passes again, even from simultaneous requests",
  };
}
