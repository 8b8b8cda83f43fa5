import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { appPasswords, recoveryKeys, securityQuestions, sessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { normaliseAnswer, type QuestionKey } from "@/lib/security-questions/questions";
import { queueSecurityEmail } from "./notify-security-change";
import { retireSecondFactors } from "./retire-second-factors";

export type DisableTwoStepError = "NOT_ENABLED" | "QUESTIONS_INVALID";

/**
 * Turns 2SV off (the caller has checked a fresh step-up for "disable_two_step"), in one transaction: the account's
 * three new security questions are stored (the "before" world needs them for step-up and password reset), every
 * other session ends, and the 2SV factors are retired — trusted phones forgotten, trusted browsers revoked, the
 * Recovery Key replaced-without-successor, the authenticator app, passkeys and backup codes deleted, app-specific
 * passwords revoked (the main password works for apps again) — so turning 2SV on again starts clean.
 * `two_step_disabled` is recorded and the owner's email queued, then sent after the commit.
 */
export async function disableTwoStep(input: {
  userId: string;
  sessionId: string;
  questions: { questionKey: QuestionKey; answer: string }[];
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const { questions, userId } = input;
  if (questions.length !== 3 || new Set(questions.map((q) => q.questionKey)).size !== 3 || questions.some((q) => !normaliseAnswer(q.answer))) {
    throw new AppError<DisableTwoStepError>("QUESTIONS_INVALID");
  }
  // argon2id before the transaction: hashing is slow and needs no lock.
  const rows = await Promise.all(
    questions.map(async (q, i) => ({ userId, position: i + 1, questionKey: q.questionKey, answerHash: await hashPassword(normaliseAnswer(q.answer)), createdAt: now })),
  );

  const result = await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user?.twoStepEnabledAt) throw new AppError<DisableTwoStepError>("NOT_ENABLED");

    await tx.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, userId));
    await tx.delete(securityQuestions).where(eq(securityQuestions.userId, userId));
    await tx.insert(securityQuestions).values(rows);
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), ne(sessions.id, input.sessionId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    await retireSecondFactors(tx, { userId, now });
    await tx.update(appPasswords).set({ revokedAt: now }).where(and(eq(appPasswords.userId, userId), isNull(appPasswords.revokedAt)));
    await tx.update(recoveryKeys).set({ replacedAt: now }).where(and(eq(recoveryKeys.userId, userId), isNull(recoveryKeys.replacedAt)));
    await recordEvent({ type: "two_step_disabled", userId, countryCode: user.countryCode, at: now }, tx);
    const emailId = await queueSecurityEmail(tx, { user, kind: "disabled", now });
    return { emailId, revokedSessions: revoked.length };
  });
  await sendQueued(result.emailId, input.now);
  return result;
}
