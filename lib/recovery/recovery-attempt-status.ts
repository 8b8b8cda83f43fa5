import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { recoveryKeys, users } from "@/db/schema";
import type { RecoveryAttempt } from "./recovery-attempt";
import { hasPassedRecoveryCode } from "./verify-recovery-code";

export type RecoveryAttemptStatus = "closed" | "reset" | "needs_code" | "ready";

/**
 * Where a recovery attempt stands: "reset" once it did its job (after its code passed, the password changed and its
 * Recovery Key was replaced together); "closed" once it expired, its key was replaced otherwise or 2SV went off;
 * "needs_code" until a code of this attempt was verified; then "ready" for a new password.
 */
export async function recoveryAttemptStatus(attempt: RecoveryAttempt | null, now = new Date()): Promise<RecoveryAttemptStatus> {
  if (!attempt || attempt.expiresAt <= now) return "closed";
  const [row] = await db
    .select({ twoStepEnabledAt: users.twoStepEnabledAt, passwordChangedAt: users.passwordChangedAt, keyReplacedAt: recoveryKeys.replacedAt })
    .from(recoveryKeys)
    .innerJoin(users, eq(users.id, recoveryKeys.userId))
    .where(and(eq(recoveryKeys.id, attempt.keyId), eq(recoveryKeys.userId, attempt.userId)));
  if (!row?.twoStepEnabledAt) return "closed";
  const passedCode = await hasPassedRecoveryCode(attempt, now);
  if (row.keyReplacedAt) {
    // This attempt's reset changes the password and replaces its key in one transaction, at one instant. A password
    // changed and a key replaced in settings are two changes, which must not read as this attempt's success.
    const resetHere = passedCode && row.keyReplacedAt.getTime() === row.passwordChangedAt?.getTime();
    return resetHere ? "reset" : "closed";
  }
  return passedCode ? "ready" : "needs_code";
}

/** Whether the attempt can still send and check codes. */
export const isRecoveryAttemptOpen = (status: RecoveryAttemptStatus) => status === "needs_code" || status === "ready";
