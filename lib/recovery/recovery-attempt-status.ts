import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { recoveryKeys, users } from "@/db/schema";
import type { RecoveryAttempt } from "./recovery-attempt";
import { hasPassedRecoveryCode } from "./verify-recovery-code";

/**
 * Where a recovery attempt stands: "closed" once it expired, its Recovery Key was replaced (used) or 2SV went off;
 * "needs_code" until a code of this attempt was verified; then "ready" for a new password.
 */
export async function recoveryAttemptStatus(attempt: RecoveryAttempt | null, now = new Date()): Promise<"closed" | "needs_code" | "ready"> {
  if (!attempt || attempt.expiresAt <= now) return "closed";
  const [row] = await db
    .select({ twoStepEnabledAt: users.twoStepEnabledAt })
    .from(recoveryKeys)
    .innerJoin(users, eq(users.id, recoveryKeys.userId))
    .where(and(eq(recoveryKeys.id, attempt.keyId), eq(recoveryKeys.userId, attempt.userId), isNull(recoveryKeys.replacedAt)));
  if (!row?.twoStepEnabledAt) return "closed";
  return (await hasPassedRecoveryCode(attempt, now)) ? "ready" : "needs_code";
}
