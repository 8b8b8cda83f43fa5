import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { appLink, browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";

/**
 * Queues "your security questions were set/changed" to the owner inside the change's transaction; returns the outbox
 * id for sendQueued after the commit. Sent even for the first questions: the answers then gate password reset and
 * step-up, so someone holding only the password could otherwise plant their own and lock the owner out unnoticed.
 */
export async function queueQuestionsNotice(tx: Tx, input: { userId: string; replaced: boolean; userAgent?: string | null; now: Date }) {
  const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
  if (!user) return null;
  const t = noticeTranslator(user.locale);
  const replaced = input.replaced ? "yes" : "no";
  const queued = await enqueueMessage(
    {
      channel: "email",
      recipient: user.email,
      subject: t("questionsSetSubject", { replaced }),
      body: t("questionsSetBody", { name: user.name, replaced, time: noticeTime(input.now, user.locale), browser: browserOf(input.userAgent, t), url: appLink("/account/security") }),
      userId: user.id,
    },
    { db: tx, now: input.now },
  );
  return queued.id;
}
