import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { clearPasswordFailures } from "@/lib/auth/authenticate-with-password";
import { sessions, users } from "@/db/schema";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { revokeAppPasswords } from "@/lib/app-passwords/manage-app-passwords";
import { forgetRememberedBrowsers } from "@/lib/two-step/trusted-devices";
import { retireSecondFactors } from "@/lib/two-step/enrollment/retire-second-factors";
import { AppError } from "@/lib/errors";
import { assertStepUpFresh } from "./assert-step-up-fresh";
import { checkNewPassword } from "./check-new-password";
import { appLink, browserOf, noticeTime, noticeTranslator } from "./compose-notice";
import { sendNotice } from "./send-notice";

export type ChangePasswordError = "STEP_UP_REQUIRED" | "THROTTLED" | "LOCKED" | "WRONG_PASSWORD" | "WEAK_PASSWORD" | "SAME_PASSWORD";

/**
 * Changes the password of a signed-in account after a fresh step-up. The current password is asked too — it is
 * the knowledge factor, and a trusted browser left open could otherwise pass the code step on its own. Other
 * sessions end in the same transaction, and remembered browsers other than this one (`deviceToken`) ask for a code
 * again; the owner is told by email. On an account without 2SV, a half-done 2SV setup goes too, with every factor it
 * added: whoever started it knew the old password, and resuming it would turn on their phone, passkey or app and
 * their Recovery Key.
 */
export async function changePassword(input: {
  userId: string;
  sessionId: string;
  deviceToken?: string | null;
  currentPassword: string;
  newPassword: string;
  userAgent?: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  await assertStepUpFresh({ sessionId: input.sessionId, action: "password", now });
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError<ChangePasswordError>("WRONG_PASSWORD");

  // A hijacked signed-in browser may not guess the current password: the same five tries per 15 minutes as every
  // other re-typed password, counted together.
  await confirmPassword({ user, password: input.currentPassword, now });

  const problem = checkNewPassword(input.newPassword, [user.name, user.email]);
  if (problem) throw new AppError<ChangePasswordError>("WEAK_PASSWORD", { reason: problem });
  if (await verifyPassword(user.passwordHash, input.newPassword)) throw new AppError<ChangePasswordError>("SAME_PASSWORD");

  const passwordHash = await hashPassword(input.newPassword);
  const signedOut = await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(eq(users.id, user.id))
      .returning({ twoStepEnabledAt: users.twoStepEnabledAt });
    if (!changed?.twoStepEnabledAt) await retireSecondFactors(tx, { userId: user.id, now });
    // Apps signed in with app-specific passwords sign in again: a new password is a fresh start (as at Apple).
    await revokeAppPasswords({ userId: user.id, now }, tx);
    await forgetRememberedBrowsers({ userId: user.id, keepToken: input.deviceToken }, tx);
    return tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, input.sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
  });

  // A new password lifts a lock of too many wrong ones (authenticate-with-password.ts).
  await clearPasswordFailures(user.email);
  const t = noticeTranslator(user.locale);
  await sendNotice({
    channel: "email",
    recipient: user.email,
    subject: t("passwordChangedSubject"),
    body: t("passwordChangedBody", { name: user.name, time: noticeTime(now, user.locale), browser: browserOf(input.userAgent, t), url: appLink("/forgot-password") }),
    userId: user.id,
  });
  return { signedOut: signedOut.length };
}
