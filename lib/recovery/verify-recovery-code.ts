import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { challenges } from "@/db/schema";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import type { RecoveryAttempt } from "./recovery-attempt";

/** Checks a recovery code for this attempt (all the code rules of verifyChallenge apply). */
export function verifyRecoveryCode(input: { attempt: RecoveryAttempt; challengeId: string; code: string; now?: Date }) {
  return verifyChallenge({ challengeId: input.challengeId, sessionId: input.attempt.id, purpose: "recovery", code: input.code, now: input.now });
}

/** True once a recovery code of this very attempt was verified (the database says so, not the cookie). */
export async function hasPassedRecoveryCode(attempt: RecoveryAttempt, now = new Date()) {
  if (attempt.expiresAt <= now) return false;
  const [row] = await db
    .select({ id: challenges.id })
    .from(challenges)
    .where(
      and(
        eq(challenges.sessionId, attempt.id),
        eq(challenges.userId, attempt.userId),
        eq(challenges.purpose, "recovery"),
        isNotNull(challenges.consumedAt),
      ),
    );
  return !!row;
}
