import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { enrollments, sessions, trustedPhones, users } from "@/db/schema";
import { upgradeSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { getAccountAvailability } from "@/lib/rollout/get-country-availability";
import { deleteSecurityQuestions } from "@/lib/security-questions/security-questions";
import { storeRecoveryKey } from "../recovery-key";
import { countFactors, enrollmentMethod } from "./count-factors";
import { isEnrollmentProved } from "./enrollment-proof";
import { accountChanges } from "./get-waiting-period";
import { queueSecurityEmail } from "./notify-security-change";
import { waitingDaysFromEnv, waitingPeriod } from "./waiting-period";

export type EnableTwoStepError = "ALREADY_ENABLED" | "NOT_AVAILABLE" | "NOT_READY" | "NOT_PROVED" | "NEEDS_FACTOR" | "WAITING_PERIOD";

/**
 * Step (e): turns 2SV on, all in one transaction — the account is marked enabled, the confirmed Recovery Key
 * stored (hash only), the security questions deleted (2SV replaces them), every other session signed out and this
 * one replaced by a new session id at aal 2 (the caller moves the cookie), the enrollment closed and
 * `two_step_enabled` recorded. The owner's email is queued in the same transaction and sent after the commit.
 */
export async function enableTwoStep({ userId, sessionId, now = new Date(), waitingDays = waitingDaysFromEnv() }: { userId: string; sessionId: string; now?: Date; waitingDays?: number }) {
  // Read before the transaction: on PGlite (one connection) a query outside it would wait for it forever.
  const [account] = await db.select({ countryCode: users.countryCode }).from(users).where(eq(users.id, userId));
  const availability = account ? await getAccountAvailability({ countryCode: account.countryCode, userId }, now) : null;

  const result = await db.transaction(async (tx) => {
    // Locks the account row: two concurrent "turn on" clicks enable once.
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new AppError<EnableTwoStepError>("NOT_READY");
    if (user.twoStepEnabledAt) throw new AppError<EnableTwoStepError>("ALREADY_ENABLED");
    if (availability?.status !== "available" || account?.countryCode !== user.countryCode) throw new AppError<EnableTwoStepError>("NOT_AVAILABLE");

    const [enrollment] = await tx.select().from(enrollments).where(eq(enrollments.userId, userId));
    if (!enrollment || enrollment.step !== "review" || !enrollment.pendingKeyHash) throw new AppError<EnableTwoStepError>("NOT_READY");
    // Only the session that re-typed the password for this enrollment, within the hour, turns it on.
    if (!isEnrollmentProved(enrollment, sessionId, now)) throw new AppError<EnableTwoStepError>("NOT_PROVED");
    const factors = await countFactors({ userId }, tx);
    if (factors.total === 0) throw new AppError<EnableTwoStepError>("NEEDS_FACTOR");
    const waiting = waitingPeriod({ changes: await accountChanges(userId, tx), now, days: waitingDays });
    if (waiting) throw new AppError<EnableTwoStepError>("WAITING_PERIOD", { until: waiting.until.toISOString(), reason: waiting.reason });

    await tx.update(users).set({ twoStepEnabledAt: now }).where(eq(users.id, userId));
    await storeRecoveryKey({ userId, keyHash: enrollment.pendingKeyHash, confirmedAt: now, now }, tx);
    await deleteSecurityQuestions(userId, tx);
    // Whoever else was signed in passed only the password: they sign in again, now with a code.
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    // This browser proved the password and set 2SV up: it stays signed in rather than being sent to /verify, under a
    // new session id at aal 2 (as after a second step: whoever held the old id gains nothing), its 24 hours from now.
    const upgradedSessionId = await upgradeSession({ pendingSessionId: sessionId, now }, tx);
    if (!upgradedSessionId) throw new AppError<EnableTwoStepError>("NOT_READY");
    await tx.delete(trustedPhones).where(and(eq(trustedPhones.userId, userId), isNull(trustedPhones.verifiedAt)));
    await tx.delete(enrollments).where(eq(enrollments.userId, userId));
    await recordEvent(
      {
        type: "two_step_enabled",
        userId,
        countryCode: user.countryCode,
        method: enrollmentMethod(factors),
        detail: JSON.stringify(factors),
        at: now,
      },
      tx,
    );
    const emailId = await queueSecurityEmail(tx, { user, kind: "enabled", now });
    return { emailId, revokedSessions: revoked.length, sessionId: upgradedSessionId };
  });
  await sendQueued(result.emailId, now);
  return { enabledAt: now, revokedSessions: result.revokedSessions, sessionId: result.sessionId };
}
