import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { appLink, browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { questionsUndoLinkTtlMs } from "@/lib/recovery/recovery-policy";
import { questionsFingerprint, resetLinkUrl } from "@/lib/recovery/reset-link";

/**
 * Queues "your security questions were set/changed" to the owner inside the change's transaction; returns the outbox
 * id for sendQueued after the commit. Sent even for the first questions: the answers then gate password reset and
 * step-up, so someone holding only the password could otherwise plant their own and lock the owner out unnoticed.
 * The first ones also come with a reset link that skips them: replacing questions needs the old answers, but setting
 * the first needs only the password, and before them the emailed link alone reset it.
 */
export async function queueQuestionsNotice(tx: Tx, input: { userId: string; replaced: boolean; answerHashes: string[]; userAgent?: string | null; now: Date }) {
  const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
  if (!user) return null;
  const t = noticeTranslator(user.locale);
  const replaced = input.replaced ? "yes" : "no";
  const queued = await enqueueMessage(
    {
      channel: "email",
      recipient: user.email,
      subject: t("questionsSetSubject", { replaced }),
      body: [
        t("questionsSetBody", { name: user.name, replaced, time: noticeTime(input.now, user.locale), browser: browserOf(input.userAgent, t), url: appLink("/account/security") }),
        ...(input.replaced ? [] : [t("questionsSetUndo", { url: resetLinkUrl(user, input.now, { ttlMs: questionsUndoLinkTtlMs, skipQuestions: questionsFingerprint(input.answerHashes) }) })]),
      ].join("\n\n"),
      userId: user.id,
    },
    { db: tx, now: input.now },
  );
  return queued.id;
}
