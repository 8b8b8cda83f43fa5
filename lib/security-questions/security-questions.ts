import { asc, eq } from "drizzle-orm";
import { db, type DB } from "@/db";
import { securityQuestions } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { sendQueued } from "@/lib/messaging/send-queued";
import { normaliseAnswer, type QuestionKey } from "./questions";
import { queueQuestionsNotice } from "./queue-questions-notice";

export function listSecurityQuestions(userId: string) {
  return db
    .select({ position: securityQuestions.position, questionKey: securityQuestions.questionKey })
    .from(securityQuestions)
    .where(eq(securityQuestions.userId, userId))
    .orderBy(asc(securityQuestions.position));
}

export async function hasSecurityQuestions(userId: string) {
  return (await listSecurityQuestions(userId)).length === 3;
}

/**
 * Sets (or replaces) the account's three questions; answers are hashed like passwords (they are guessable secrets).
 * The owner is emailed every time, queued in the same transaction (queue-questions-notice.ts says why).
 */
export async function setSecurityQuestions({
  userId,
  items,
  userAgent,
  now = new Date(),
}: {
  userId: string;
  items: { questionKey: QuestionKey; answer: string }[];
  userAgent?: string | null;
  now?: Date;
}) {
  if (items.length !== 3 || new Set(items.map((i) => i.questionKey)).size !== 3) throw new AppError("QUESTIONS_INVALID");
  const rows = await Promise.all(
    items.map(async (item, i) => ({ userId, position: i + 1, questionKey: item.questionKey, answerHash: await hashPassword(normaliseAnswer(item.answer)) })),
  );
  const emailId = await db.transaction(async (tx) => {
    const replaced = await tx.delete(securityQuestions).where(eq(securityQuestions.userId, userId)).returning({ position: securityQuestions.position });
    await tx.insert(securityQuestions).values(rows);
    return queueQuestionsNotice(tx, { userId, replaced: replaced.length > 0, answerHashes: rows.map((r) => r.answerHash), userAgent, now });
  });
  if (emailId) await sendQueued(emailId, now);
}

/** True only when every one of the three answers matches. */
export async function verifySecurityAnswers({ userId, answers }: { userId: string; answers: Record<number, string> }) {
  const rows = await db.select().from(securityQuestions).where(eq(securityQuestions.userId, userId));
  if (rows.length !== 3) return false;
  const results = await Promise.all(rows.map((r) => verifyPassword(r.answerHash, normaliseAnswer(answers[r.position] ?? ""))));
  return results.every(Boolean);
}

/** 2SV replaces security questions: turning it on deletes them (inside the caller's transaction). */
export async function deleteSecurityQuestions(userId: string, tx: Pick<DB, "delete"> = db) {
  await tx.delete(securityQuestions).where(eq(securityQuestions.userId, userId));
}
