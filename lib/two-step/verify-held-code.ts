import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { backupCodes, type ChallengePurpose } from "@/db/schema";
import { openWith } from "@/lib/crypto/secrets";
import { totpKey } from "@/lib/crypto/totp-key";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { checkGuardrailsForAccount } from "@/lib/rollout/guardrails/check-guardrails";
import { hashBackupCode } from "./backup-codes/create-backup-codes";
import { normaliseBackupCode } from "./backup-codes/backup-code-rules";
import { waitAfterFailures } from "./code-policy";
import type { RequestContext } from "./issue-challenge";
import { recordPassedFactor } from "./record-passed-factor";
import { blockedUntil, countFailure, lockLockoutRow } from "./second-factor-lockout";
import { matchTotpStep } from "./totp/totp-rules";

export type HeldCodeMethod = "totp" | "backup_code";
export type VerifyHeldCodeError = "LOCKED" | "WRONG_HELD_CODE" | "CODE_USED" | "NO_AUTHENTICATOR" | "CODE_FORMAT";

/** Whether what was typed has the shape of the code at all: six digits from the app, or a backup code. */
const looksLikeCode = (method: HeldCodeMethod, typed: string) =>
  method === "totp" ? /^\d{6}$/.test(typed.replace(/\s+/g, "")) : normaliseBackupCode(typed) !== null;

type Check = "passed" | "wrong" | "used" | "none";

/**
 * A code the owner already holds — from their authenticator app or a backup code — so nothing was sent and no
 * challenge row exists. The same account-wide limit as sent codes applies (≤ 100 consecutive failures, growing
 * waits), a success clears it, and each code passes once: a TOTP step at or before the last accepted one is refused
 * (row lock + stored step), a backup code is marked used in the same statement that matches it.
 */
export async function verifyHeldCode(input: {
  userId: string;
  purpose: ChallengePurpose;
  method: HeldCodeMethod;
  code: string;
  /** The pending session of a sign-in: names its "wrong code" notice, which passing the step calls off. */
  sessionId?: string;
  request?: RequestContext;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  // A mistyped shape cannot be the code: the person is told so, and no try is spent.
  if (!looksLikeCode(input.method, input.code)) throw new AppError<VerifyHeldCodeError>("CODE_FORMAT");
  const outcome = await db.transaction(async (tx) => {
    // Both rows locked in one round trip (the app's row only matters for a TOTP code).
    const [lockout, app] = await Promise.all([lockLockoutRow(tx, input.userId), input.method === "totp" ? lockAuthenticator(tx, input.userId) : null]);
    // Recovery passes the lock (as a sent recovery code does): the owner's way back in with the Recovery Key.
    const blocked = blockedUntil(lockout, now, input.purpose);
    if (blocked) return { error: "LOCKED" as const, details: { retryAt: blocked === "locked" ? null : blocked.toISOString() } };

    const check = input.method === "totp" ? await checkTotp(tx, app, input.code, now) : await checkBackupCode(tx, input.userId, input.code, now);
    if (check === "none") return { error: "NO_AUTHENTICATOR" as const, details: {} };
    const event = { userId: input.userId, method: input.method, detail: input.purpose, at: now };
    if (check === "passed") {
      await recordPassedFactor(tx, { lockout, method: input.method, remember: input.method, purpose: input.purpose, now });
      return null;
    }
    const failures = await countFailure(tx, input.userId, now, input.purpose);
    await recordEvent({ type: "challenge_failed", ...event }, tx);
    const wait = waitAfterFailures(failures);
    if (wait !== 0) await recordEvent({ type: "challenge_locked", ...event, detail: wait === "locked" ? "for_good" : "wait" }, tx);
    return { error: check === "used" ? ("CODE_USED" as const) : ("WRONG_HELD_CODE" as const), details: { failures }, firstFailure: failures === 1 };
  });
  if (!outcome) return;

  if (outcome.error === "WRONG_HELD_CODE" || outcome.error === "CODE_USED") await checkGuardrailsForAccount(input.userId, now);
  // A right password then a wrong code: the owner hears about it once per run of failures.
  if ("firstFailure" in outcome && outcome.firstFailure && input.purpose === "sign_in" && input.request && input.sessionId) {
    const { notifyFailedSecondStep } = await import("./notify-failed-second-step");
    await notifyFailedSecondStep(
      { userId: input.userId, sessionId: input.sessionId, requestIp: input.request.ip, requestCountry: input.request.country, requestUserAgent: input.request.userAgent },
      now,
    );
  }
  throw new AppError<VerifyHeldCodeError>(outcome.error, outcome.details);
}

type LockedAuthenticator = { id: string; sealedSecret: string; lastUsedStep: number | null };

// This and the step's update are written in SQL: Drizzle builds a whole-row select or an update by walking every
// column on each call, which cost more than the statements themselves on the path every sign-in with an app takes.
async function lockAuthenticator(tx: Tx, userId: string): Promise<LockedAuthenticator | null> {
  const result = await tx.execute(sql`
    select id, sealed_secret, last_used_step from authenticator_apps
    where user_id = ${userId}::uuid and confirmed_at is not null
    for update`);
  const [row] = rowsOf<{ id: string; sealed_secret: string; last_used_step: string | number | bigint | null }>(result);
  return row ? { id: row.id, sealedSecret: row.sealed_secret, lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step) } : null;
}

async function checkTotp(tx: Tx, app: LockedAuthenticator | null, typed: string, now: Date): Promise<Check> {
  if (!app) return "none";
  const secret = openWith(totpKey(), app.sealedSecret);
  const code = typed.replace(/\s+/g, "");
  const step = await matchTotpStep({ secret, code, at: now, afterStep: app.lastUsedStep });
  if (step !== null) {
    await tx.execute(sql`update authenticator_apps set last_used_step = ${step}, last_used_at = ${now.toISOString()}::timestamptz where id = ${app.id}::uuid`);
    return "passed";
  }
  // Right code, already used: say so, so the owner waits for the next one rather than doubting the app.
  return (await matchTotpStep({ secret, code, at: now, afterStep: null })) === null ? "wrong" : "used";
}

async function checkBackupCode(tx: Tx, userId: string, typed: string, now: Date): Promise<Check> {
  const normalised = normaliseBackupCode(typed);
  if (!normalised) return "wrong";
  const hash = hashBackupCode(userId, normalised);
  const [used] = await tx
    .update(backupCodes)
    .set({ usedAt: now })
    .where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, hash), isNull(backupCodes.usedAt)))
    .returning({ id: backupCodes.id });
  if (used) return "passed";
  const [spent] = await tx.select({ id: backupCodes.id }).from(backupCodes).where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, hash)));
  return spent ? "used" : "wrong";
}
