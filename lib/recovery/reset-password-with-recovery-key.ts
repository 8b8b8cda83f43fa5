import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { clearPasswordFailures } from "@/lib/auth/authenticate-with-password";
import { recoveryKeys, sessions, users } from "@/db/schema";
import { checkNewPassword } from "@/lib/account-changes/check-new-password";
import { hashPassword } from "@/lib/auth/passwords";
import { revokeAppPasswords } from "@/lib/app-passwords/manage-app-passwords";
import { AppError } from "@/lib/errors";
import { generateRecoveryKey, hashRecoveryKey, storeRecoveryKey } from "@/lib/two-step/recovery-key";
import { forgetRememberedBrowsers } from "@/lib/two-step/trusted-devices";
import { notifyPasswordReset } from "./notify-password-reset";
import type { RecoveryAttempt } from "./recovery-attempt";
import { hasPassedRecoveryCode } from "./verify-recovery-code";
import { recordEvent } from "@/lib/events/record-event";

export type ResetWithKeyError = "ATTEMPT_INVALID" | "CODE_REQUIRED" | "WEAK_PASSWORD";

/**
 * Last step of recovery with 2SV on: Recovery Key (the attempt) AND a verified code (the database) → new password.
 * In one transaction the used key is retired — the attempt, and any replay of it, dies with it — a new key is
 * stored (shown once, returned here), every session ends. Every address on the account is told.
 */
export async function resetPasswordWithRecoveryKey(input: { attempt: RecoveryAttempt; newPassword: string; userAgent?: string; now?: Date }) {
  const now = input.now ?? new Date();
  const { attempt } = input;
  if (attempt.expiresAt <= now) throw new AppError<ResetWithKeyError>("ATTEMPT_INVALID");
  if (!(await hasPassedRecoveryCode(attempt, now))) throw new AppError<ResetWithKeyError>("CODE_REQUIRED");
  const [user] = await db.select().from(users).where(eq(users.id, attempt.userId));
  if (!user?.twoStepEnabledAt) throw new AppError<ResetWithKeyError>("ATTEMPT_INVALID");

  const problem = checkNewPassword(input.newPassword, [user.name, user.email]);
  if (problem) throw new AppError<ResetWithKeyError>("WEAK_PASSWORD", { reason: problem });

  const recoveryKey = generateRecoveryKey();
  const [passwordHash, keyHash] = await Promise.all([hashPassword(input.newPassword), hashRecoveryKey(recoveryKey)]);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .select({ id: recoveryKeys.id })
      .from(recoveryKeys)
      .where(and(eq(recoveryKeys.id, attempt.keyId), eq(recoveryKeys.userId, user.id), isNull(recoveryKeys.replacedAt)))
      .for("update");
    if (!used) throw new AppError<ResetWithKeyError>("ATTEMPT_INVALID");
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, user.id));
    // Apps signed in with app-specific passwords sign in again: a new password is a fresh start (as at Apple).
    await revokeAppPasswords({ userId: user.id, now }, tx);
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    await forgetRememberedBrowsers({ userId: user.id }, tx);
    await storeRecoveryKey({ userId: user.id, keyHash, confirmedAt: null, now }, tx);
    await recordEvent({ type: "recovery_reset", userId: user.id, at: now }, tx);
  });

  // A new password lifts a lock of too many wrong ones (authenticate-with-password.ts).
  await clearPasswordFailures(user.email);
  await notifyPasswordReset({ user, how: "key", userAgent: input.userAgent, now });
  return { recoveryKey, email: user.email };
}
