import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { fingerprint, openSignedToken } from "@/lib/account-changes/signed-token";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";

export const passwordResetToken = "password-reset";

/** Binds a reset link to the password, the address it went to, and 2SV being off: any change retires the link. */
export const resetFingerprint = (user: Pick<User, "passwordHash" | "email" | "twoStepEnabledAt">) =>
  fingerprint(user.passwordHash, user.email.toLowerCase(), user.twoStepEnabledAt?.toISOString());

/** The account a reset link is for, while the link is genuine, unexpired, unused, and 2SV is still off; else null. */
export async function readPasswordResetLink(token: unknown, now = new Date()) {
  const payload = openSignedToken(passwordResetToken, token, now);
  if (!payload) return null;
  const [user] = await db.select().from(users).where(eq(users.id, payload.u));
  if (!user || user.twoStepEnabledAt || resetFingerprint(user) !== payload.f) return null;
  return { user, hasQuestions: await hasSecurityQuestions(user.id) };
}
