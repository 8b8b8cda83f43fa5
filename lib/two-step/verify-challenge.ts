import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { challenges, type Challenge, type ChallengePurpose } from "@/db/schema";
import { codeMatches } from "@/lib/crypto/secrets";
import { checkGuardrailsForAccount } from "@/lib/rollout/guardrails/check-guardrails";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { maxTriesPerCode, waitAfterFailures } from "./code-policy";
import { recordPassedFactor } from "./record-passed-factor";
import { blockedUntil, countFailure, lockLockoutRow } from "./second-factor-lockout";

export type VerifyChallengeError =
  | "LOCKED"
  | "WRONG_CODE"
  | "TOO_MANY_TRIES"
  | "EXPIRED"
  | "NOT_VALID"
  | "DENIED"
  | "CODE_FORMAT";

type Outcome =
  | { ok: true; challenge: Challenge }
  | { ok: false; code: VerifyChallengeError; details?: Record<string, unknown>; failedFirstTime?: Challenge; wrongCodeFor?: string };

/**
 * Checks a code against one challenge, for the session that asked and for one purpose. Single use even under
 * concurrent submits (row lock + consumed_at); ≤ 5 tries per code; wrong codes count toward the account's
 * consecutive-failure limit, whose waits grow — and that count survives resends and new challenges.
 */
export async function verifyChallenge(input: {
  challengeId: string;
  sessionId: string;
  purpose: ChallengePurpose;
  code: string;
  now?: Date;
}): Promise<Challenge> {
  const now = input.now ?? new Date();
  const code = input.code.replace(/\s+/g, "");
  // The id comes back from a form: anything but a UUID names no challenge (and Postgres would refuse to compare it).
  if (!z.uuid().safeParse(input.challengeId).success) throw new AppError<VerifyChallengeError>("NOT_VALID");
  // Five digits, or a letter, cannot be the code: the person mistyped, nobody guessed, so no try is spent.
  if (!/^\d{6}$/.test(code)) throw new AppError<VerifyChallengeError>("CODE_FORMAT");

  // Failures must be committed even though the call fails, so the transaction returns an outcome, not a throw.
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [challenge] = await tx.select().from(challenges).where(eq(challenges.id, input.challengeId)).for("update");
    if (!challenge) return { ok: false, code: "NOT_VALID" };
    if (challenge.sessionId !== input.sessionId || challenge.purpose !== input.purpose) {
      // Someone holding another attempt's challenge id is guessing: it counts against the account like a wrong code.
      await lockLockoutRow(tx, challenge.userId);
      await countFailure(tx, challenge.userId, now);
      return { ok: false, code: "NOT_VALID" };
    }
    const lockout = await lockLockoutRow(tx, challenge.userId);
    const blocked = blockedUntil(lockout, now, challenge.purpose);
    if (blocked) return { ok: false, code: "LOCKED", details: { retryAt: blocked === "locked" ? null : blocked.toISOString() } };
    if (challenge.deniedAt) return { ok: false, code: "DENIED" };
    if (challenge.consumedAt || challenge.replacedAt) return { ok: false, code: "NOT_VALID" };
    if (challenge.expiresAt <= now) return { ok: false, code: "EXPIRED" };
    if (challenge.attempts >= maxTriesPerCode) return { ok: false, code: "TOO_MANY_TRIES" };

    if (!codeMatches(challenge.id, code, challenge.codeHash)) {
      const attempts = challenge.attempts + 1;
      await tx.update(challenges).set({ attempts }).where(eq(challenges.id, challenge.id));
      const failures = await countFailure(tx, challenge.userId, now, challenge.purpose);
      await recordEvent({ type: "challenge_failed", userId: challenge.userId, method: challenge.method, detail: challenge.purpose, at: now }, tx);
      const after = blockedUntil({ consecutiveFailures: failures, blockedUntil: null }, now, challenge.purpose);
      // This failure made the account wait (or locked it for good): the dashboard counts lockouts.
      const wait = waitAfterFailures(failures);
      if (wait !== 0) await recordEvent({ type: "challenge_locked", userId: challenge.userId, method: challenge.method, detail: wait === "locked" ? "for_good" : "wait", at: now }, tx);
      return {
        ok: false,
        code: attempts >= maxTriesPerCode ? "TOO_MANY_TRIES" : "WRONG_CODE",
        details: { triesLeft: maxTriesPerCode - attempts, failures, locked: after === "locked" },
        failedFirstTime: challenge.attempts === 0 ? challenge : undefined,
        wrongCodeFor: challenge.userId,
      };
    }

    const [consumed] = await tx
      .update(challenges)
      .set({ consumedAt: now, sealedCode: null })
      .where(eq(challenges.id, challenge.id))
      .returning();
    // Enrolling a phone proves the phone, not a way this account signs in yet: nothing to remember.
    const remember = challenge.purpose === "enroll_phone" ? null : challenge.method === "sms" ? `sms:${challenge.phoneId}` : "device";
    await recordPassedFactor(tx, { lockout, method: challenge.method, remember, purpose: challenge.purpose, now });
    return { ok: true, challenge: consumed! };
  });

  if (outcome.ok) return outcome.challenge;
  // A surge of wrong codes in a launching country can mean an attack or a broken channel: the guardrails decide.
  if (outcome.wrongCodeFor) await checkGuardrailsForAccount(outcome.wrongCodeFor, now);
  if (outcome.failedFirstTime?.purpose === "sign_in") {
    const { notifyFailedSecondStep } = await import("./notify-failed-second-step");
    await notifyFailedSecondStep(outcome.failedFirstTime, now);
  }
  throw new AppError<VerifyChallengeError>(outcome.code, outcome.details);
}
