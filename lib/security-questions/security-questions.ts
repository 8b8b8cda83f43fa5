import { asc, eq } from "drizzle-orm";
import { db, type DB } from "@/db";
import { securityQuestions } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { normaliseAnswer, type QuestionKey } from "./questions";

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

/** Replaces the account's three questions; answers are hashed like passwords (they are guessable secrets). */
export async function setSecurityQuestions({ userId, items }: { userId: string; items: { questionKey: QuestionKey; answer: string }[] }) {
  if (items.length !== 3 || new Set(items.map((i) => i.questionKey)).size !== 3) throw new AppError("QUESTIONS_INVALID");
  const rows = await Promise.all(
    items.map(async (item, i) => ({ userId, position: i + 1, questionKey: item.questionKey, answerHash: await hashPassword(normaliseAnswer(item.answer)) })),
  );
  await db.transaction(async (tx) => {
    await tx.delete(securityQuestions).where(eq(securityQuestions.userId, userId));
    await tx.insert(securityQuestions).values(rows);
  });
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
