import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { challenges, stepUps } from "@/db/schema";
import type { SecondFactorProof } from "@/lib/two-step/check-second-factor";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import { verifyHeldCode } from "@/lib/two-step/verify-held-code";
import type { RecoveryAttempt } from "./recovery-attempt";

// A code the owner holds (authenticator app, backup code) leaves no consumed challenge: its pass is kept as a
// proof row for this attempt, like a step-up.
const heldCodePassed = "recovery";

/**
 * Checks the second half of a recovery — a code sent for this attempt (all the rules of verifyChallenge apply), or
 * one from the authenticator app or a backup code (verifyHeldCode: single use, the account's failure limit).
 */
export async function verifyRecoveryCode(input: { attempt: RecoveryAttempt; proof: Exclude<SecondFactorProof, { method: "passkey" }>; now?: Date }) {
  const { attempt, proof } = input;
  if (proof.method === "sent") {
    await verifyChallenge({ challengeId: proof.challengeId, sessionId: attempt.id, purpose: "recovery", code: proof.code, now: input.now });
    return;
  }
  const now = input.now ?? new Date();
  await verifyHeldCode({ userId: attempt.userId, purpose: "recovery", method: proof.method, code: proof.code, now });
  await db.insert(stepUps).values({ sessionId: attempt.id, action: heldCodePassed, verifiedAt: now }).onConflictDoNothing();
}

/** True once this very attempt passed its code step (the database says so, not the cookie). */
export async function hasPassedRecoveryCode(attempt: RecoveryAttempt, now = new Date()) {
  if (attempt.expiresAt <= now) return false;
  const [[sent], [held]] = await Promise.all([
    db
      .select({ id: challenges.id })
      .from(challenges)
      .where(and(eq(challenges.sessionId, attempt.id), eq(challenges.userId, attempt.userId), eq(challenges.purpose, "recovery"), isNotNull(challenges.consumedAt))),
    db.select({ at: stepUps.verifiedAt }).from(stepUps).where(and(eq(stepUps.sessionId, attempt.id), eq(stepUps.action, heldCodePassed))),
  ]);
  return !!sent || !!held;
}
