import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { appLink, maskEmail, noticeTime, noticeTranslator } from "./compose-notice";
import { emailChangeToken, emailFingerprint } from "./request-email-change";
import { openSignedToken } from "./signed-token";
import { sendNotice } from "./send-notice";

export type ChangeEmailError = "LINK_INVALID" | "WRONG_ACCOUNT" | "EMAIL_UNAVAILABLE";

/** What an email-change link asks for, if it is genuine and unexpired (the page shows it before the owner confirms). */
export function readEmailChangeLink(token: unknown, now = new Date()) {
  const payload = openSignedToken(emailChangeToken, token, now);
  return payload && typeof payload.e === "string" ? { userId: payload.u, newEmail: payload.e, fingerprint: payload.f } : null;
}

/** Whether a link can still be used by this signed-in user (genuine, unexpired, theirs, and not yet used). */
export async function checkEmailChangeLink({ userId, token, now = new Date() }: { userId: string; token: unknown; now?: Date }) {
  const link = readEmailChangeLink(token, now);
  if (!link) return { status: "LINK_INVALID" as const };
  if (link.userId !== userId) return { status: "WRONG_ACCOUNT" as const };
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || emailFingerprint(user) !== link.fingerprint) return { status: "LINK_INVALID" as const };
  return { status: "OK" as const, user, newEmail: link.newEmail };
}

/**
 * Applies an email change from the link sent to the new address, for the signed-in owner who asked. Single use:
 * the link is bound to the address it replaces. The old and the new address are both told.
 */
export async function changeEmail(input: { userId: string; token: string; now?: Date }) {
  const now = input.now ?? new Date();
  const checked = await checkEmailChangeLink({ userId: input.userId, token: input.token, now });
  if (checked.status !== "OK") throw new AppError<ChangeEmailError>(checked.status);
  const { user } = checked;
  const link = { newEmail: checked.newEmail };

  const [taken] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, link.newEmail));
  if (taken) throw new AppError<ChangeEmailError>("EMAIL_UNAVAILABLE");
  let updated: { id: string }[];
  try {
    updated = await db
      .update(users)
      .set({ email: link.newEmail, emailChangedAt: now })
      .where(and(eq(users.id, user.id), eq(users.email, user.email)))
      .returning({ id: users.id });
  } catch (error) {
    // Another account took the address between the check and the update (the unique index decides).
    if (isUniqueViolation(error)) throw new AppError<ChangeEmailError>("EMAIL_UNAVAILABLE");
    throw error;
  }
  if (!updated.length) throw new AppError<ChangeEmailError>("LINK_INVALID");

  const t = noticeTranslator(user.locale);
  await sendNotice({
    channel: "email",
    recipient: user.email,
    subject: t("emailChangedOldSubject"),
    body: t("emailChangedOldBody", { name: user.name, time: noticeTime(now, user.locale), masked: maskEmail(link.newEmail), url: appLink("/forgot-password") }),
    userId: user.id,
  });
  await sendNotice({
    channel: "email",
    recipient: link.newEmail,
    subject: t("emailChangedNewSubject"),
    body: t("emailChangedNewBody", { name: user.name, email: link.newEmail }),
    userId: user.id,
  });
  return { email: link.newEmail };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}
