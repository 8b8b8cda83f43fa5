import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { clearPasswordFailures } from "@/lib/auth/authenticate-with-password";
import { sessions, users } from "@/db/schema";
import { checkNewPassword } from "@/lib/account-changes/check-new-password";
import { checkSecurityAnswers } from "@/lib/account-changes/check-security-answers";
import { hashPassword } from "@/lib/auth/passwords";
import { deleteSecurityQuestions } from "@/lib/security-questions/security-questions";
import { retireSecondFactors } from "@/lib/two-step/enrollment/retire-second-factors";
import { AppError } from "@/lib/errors";
import { notifyPasswordReset } from "./notify-password-reset";
import { readPasswordResetLink } from "./reset-link";

export type ResetWithLinkError = "LINK_INVALID" | "WEAK_PASSWORD" | "WRONG_ANSWERS" | "THROTTLED";

/**
 * Reset without 2SV: the emailed link AND the three security answers (throttled per account). An account that never
 * set questions has only the link to offer, so the link alone resets it (it is then asked to set questions).
 * Single use: the new password hash retires the link, also under concurrent submits (compare-and-set).
 */
export async function resetPasswordWithEmailLink(input: {
  token: string;
  answers: Record<number, string>;
  newPassword: string;
  userAgent?: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const link = await readPasswordResetLink(input.token, now);
  if (!link) throw new AppError<ResetWithLinkError>("LINK_INVALID");
  const { user } = link;

  const problem = checkNewPassword(input.newPassword, [user.name, user.email]);
  if (problem) throw new AppError<ResetWithLinkError>("WEAK_PASSWORD", { reason: problem });
  if (link.hasQuestions) await checkSecurityAnswers({ userId: user.id, answers: input.answers, purpose: "recovery", now });

  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, user.passwordHash), isNull(users.twoStepEnabledAt)))
      .returning({ id: users.id });
    if (!changed.length) throw new AppError<ResetWithLinkError>("LINK_INVALID");
    await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    // Questions the link skipped are the ones its owner was told of and did not set: they go with the old password.
    if (link.retiresQuestions) await deleteSecurityQuestions(user.id, tx);
    // Whoever knew the old password may have started 2SV setup with their own factors and Recovery Key: it ends here.
    await retireSecondFactors(tx, { userId: user.id, now });
  });

  // A new password lifts a lock of too many wrong ones (authenticate-with-password.ts).
  await clearPasswordFailures(user.email);
  await notifyPasswordReset({ user, how: "link", userAgent: input.userAgent, now });
  return { email: user.email, hasQuestions: link.hasQuestions };
}
