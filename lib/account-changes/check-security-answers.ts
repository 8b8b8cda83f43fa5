import { clearRateLimit, hitRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { hasSecurityQuestions, verifySecurityAnswers } from "@/lib/security-questions/security-questions";

export type SecurityAnswersError = "THROTTLED" | "WRONG_ANSWERS" | "NO_QUESTIONS";

// Answers are low-entropy: 5 wrong sets per 15 minutes per account, shared by step-up and password reset.
export const answerAttemptsLimit = 5;
export const answerWindowMs = 15 * 60_000;
export const answersKey = (userId: string) => `questions:${userId}`;

/**
 * Checks the account's three answers. The attempt is counted before the check (atomic in the database), so
 * concurrent guesses cannot exceed the limit; a success clears the count.
 */
export async function checkSecurityAnswers(input: {
  userId: string;
  answers: Record<number, string>;
  purpose: "step_up" | "recovery";
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const key = answersKey(input.userId);
  const counted = await hitRateLimit({ key, windowMs: answerWindowMs, now });
  if (counted.hits > answerAttemptsLimit) {
    throw new AppError<SecurityAnswersError>("THROTTLED", { retryAt: counted.resetAt.toISOString() });
  }
  if (!(await hasSecurityQuestions(input.userId))) throw new AppError<SecurityAnswersError>("NO_QUESTIONS");

  const ok = await verifySecurityAnswers({ userId: input.userId, answers: input.answers });
  await recordEvent({ type: ok ? "challenge_passed" : "challenge_failed", userId: input.userId, method: "questions", detail: input.purpose, at: now });
  if (!ok) {
    if (counted.hits >= answerAttemptsLimit) throw new AppError<SecurityAnswersError>("THROTTLED", { retryAt: counted.resetAt.toISOString() });
    throw new AppError<SecurityAnswersError>("WRONG_ANSWERS", { triesLeft: answerAttemptsLimit - counted.hits });
  }
  await clearRateLimit(key);
}
