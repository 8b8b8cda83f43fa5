import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { securityQuestions, users, type User } from "@/db/schema";
import { appLink } from "@/lib/account-changes/compose-notice";
import { fingerprint, openSignedToken, signToken } from "@/lib/account-changes/signed-token";
import { resetLinkTtlMs } from "./recovery-policy";

export const passwordResetToken = "password-reset";

/** Binds a reset link to the password, the address it went to, and 2SV being off: any change retires the link. */
export const resetFingerprint = (user: Pick<User, "passwordHash" | "email" | "twoStepEnabledAt">) =>
  fingerprint(user.passwordHash, user.email.toLowerCase(), user.twoStepEnabledAt?.toISOString());

/** One set of security questions: every answer hash is freshly salted, so a set set again is a different set. */
export const questionsFingerprint = (answerHashes: string[]) => fingerprint("security-questions", ...answerHashes);

type LinkUser = Pick<User, "id" | "passwordHash" | "email" | "twoStepEnabledAt">;

/**
 * The emailed address of a reset page for this account. `skipQuestions` names a set of questions (questionsFingerprint)
 * the link does not ask: the notice of questions set for the first time carries it, so whoever set them with only
 * the password cannot lock the owner out of the reset that needed the link alone a moment before.
 */
export function resetLinkUrl(user: LinkUser, now: Date, { ttlMs = resetLinkTtlMs, skipQuestions }: { ttlMs?: number; skipQuestions?: string } = {}) {
  const token = signToken(passwordResetToken, { u: user.id, x: now.getTime() + ttlMs, f: resetFingerprint(user), ...(skipQuestions ? { q: skipQuestions } : {}) });
  return appLink(`/reset?token=${token}`);
}

/**
 * The account a reset link is for, while the link is genuine, unexpired, unused, and 2SV is still off; else null.
 * `hasQuestions` says whether the reset asks the security questions; `retiresQuestions` that the link skips the
 * account's current ones, which the reset then deletes.
 */
export async function readPasswordResetLink(token: unknown, now = new Date()) {
  const payload = openSignedToken(passwordResetToken, token, now);
  if (!payload) return null;
  const [user] = await db.select().from(users).where(eq(users.id, payload.u));
  if (!user || user.twoStepEnabledAt || resetFingerprint(user) !== payload.f) return null;
  const questions = await db
    .select({ answerHash: securityQuestions.answerHash })
    .from(securityQuestions)
    .where(eq(securityQuestions.userId, user.id))
    .orderBy(asc(securityQuestions.position));
  const retiresQuestions = questions.length > 0 && payload.q === questionsFingerprint(questions.map((q) => q.answerHash));
  return { user, hasQuestions: questions.length === 3 && !retiresQuestions, retiresQuestions };
}
