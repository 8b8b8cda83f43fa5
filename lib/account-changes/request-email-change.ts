import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { assertStepUpFresh } from "./assert-step-up-fresh";
import { appLink, noticeTranslator } from "./compose-notice";
import { fingerprint, signToken } from "./signed-token";
import { sendNotice } from "./send-notice";

export type RequestEmailChangeError = "STEP_UP_REQUIRED" | "SAME_EMAIL" | "THROTTLED" | "INVALID_EMAIL";

export const emailChangeLinkTtlMs = 60 * 60_000;
export const emailChangeLimit = 5;
export const emailChangeToken = "email-change";
export const emailFingerprint = (user: { email: string; emailChangedAt: Date | null }) =>
  fingerprint(user.email.toLowerCase(), user.emailChangedAt?.toISOString());

/**
 * Starts an email change after a fresh 'email' step-up: a link goes to the NEW address, proving it is the owner's.
 * The screen always answers the same way; if another account already uses the address, only that mailbox is told
 * (so this form never reveals who has an account). Requests are limited per account.
 */
export async function requestEmailChange(input: { userId: string; sessionId: string; newEmail: string; now?: Date }) {
  const now = input.now ?? new Date();
  await assertStepUpFresh({ sessionId: input.sessionId, action: "email", now });
  const email = input.newEmail.trim().toLowerCase();
  if (!email) throw new AppError<RequestEmailChangeError>("INVALID_EMAIL");
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user) throw new AppError<RequestEmailChangeError>("INVALID_EMAIL");
  if (email === user.email.toLowerCase()) throw new AppError<RequestEmailChangeError>("SAME_EMAIL");

  const counted = await hitRateLimit({ key: `email-change:${user.id}`, windowMs: 60 * 60_000, now });
  if (counted.hits > emailChangeLimit) throw new AppError<RequestEmailChangeError>("THROTTLED", { retryAt: counted.resetAt.toISOString() });

  const [taken] = await db.select({ id: users.id, locale: users.locale }).from(users).where(eq(sql`lower(${users.email})`, email));
  if (taken) {
    // Written to that address's owner, so in their language, not the requester's.
    const theirs = noticeTranslator(taken.locale);
    await sendNotice({ channel: "email", recipient: email, subject: theirs("emailChangeTakenSubject"), body: theirs("emailChangeTakenBody", { email }) });
    return;
  }
  const t = noticeTranslator(user.locale);
  const token = signToken(emailChangeToken, { u: user.id, x: now.getTime() + emailChangeLinkTtlMs, f: emailFingerprint(user), e: email });
  await sendNotice({
    channel: "email",
    recipient: email,
    subject: t("emailChangeLinkSubject"),
    body: t("emailChangeLinkBody", { name: user.name, email, url: appLink(`/account/profile/email/confirm?token=${token}`) }),
    userId: user.id,
  });
}
