import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { hasSecurityQuestions, verifySecurityAnswers } from "@/lib/security-questions/security-questions";

export type SecurityAnswersError = "THROTTLED" | "WRONG_ANSWERS" | "NO_QUESTIONS";

// Answers are low-entropy: 5 wrong sets per 15 minutes per account, shared by step-up and password reset.
export const answerAttemptsLimit = 5;
export const answerWindowMs = 15 * 60_000;
export const answersKey = (userId: string) => `questions:${userId}`;
/** Wrong sets in a row, however slowly tried; right answers clear it. */
const failuresKey = (userId: string) => `questions:failures:${userId}`;
/** The wait the last wrong set imposed (its window is the wait). */
const waitKey = (userId: string) => `questions:wait:${userId}`;
const yearMs = 365 * 24 * 60 * 60_000;
const longestAnswerWaitMs = 24 * 60 * 60_000;

/**
 * The wait after `failures` wrong sets in a row: none before the limit (the window above holds those), then 15
 * minutes doubling to a day. The window alone would let 480 sets a day through, every day; this lets about a dozen
 * through on the first day and one a day after that, and the owner's right answers start again from zero.
 */
export function waitAfterWrongAnswers(failures: number) {
  if (failures < answerAttemptsLimit) return 0;
  return Math.min(answerWindowMs * 2 ** (failures - answerAttemptsLimit), longestAnswerWaitMs);
}

/**
 * Checks the account's three answers. The attempt is counted before the check (atomic in the database), so
 * concurrent guesses cannot exceed the limit; a success clears the counts.
 */
export async function checkSecurityAnswers(input: {
  userId: string;
  answers: Record<number, string>;
  purpose: "step_up" | "recovery";
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const throttled = (retryAt: Date) => new AppError<SecurityAnswersError>("THROTTLED", { retryAt: retryAt.toISOString() });
  const waiting = await peekRateLimit({ key: waitKey(input.userId), now });
  if (waiting.hits > 0) throw throttled(waiting.resetAt);
  const counted = await hitRateLimit({ key: answersKey(input.userId), windowMs: answerWindowMs, now });
  if (counted.hits > answerAttemptsLimit) throw throttled(counted.resetAt);
  if (!(await hasSecurityQuestions(input.userId))) throw new AppError<SecurityAnswersError>("NO_QUESTIONS");

  const ok = await verifySecurityAnswers({ userId: input.userId, answers: input.answers });
  await recordEvent({ type: ok ? "challenge_passed" : "challenge_failed", userId: input.userId, method: "questions", detail: input.purpose, at: now });
  if (ok) {
    await Promise.all([answersKey, failuresKey, waitKey].map((key) => clearRateLimit(key(input.userId))));
    return;
  }
  const failures = (await hitRateLimit({ key: failuresKey(input.userId), windowMs: yearMs, now })).hits;
  const wait = waitAfterWrongAnswers(failures);
  if (wait > 0) {
    // No wait was running (checked above), so this hit opens one of exactly `wait`, which outlasts the window: every
    // set the window counted since the last right answers is one of `failures`. (A concurrent wrong set may have opened
    // the previous, shorter wait first; the window's limit still bounds those.)
    throw throttled((await hitRateLimit({ key: waitKey(input.userId), windowMs: wait, now })).resetAt);
  }
  throw new AppError<SecurityAnswersError>("WRONG_ANSWERS", { triesLeft: answerAttemptsLimit - failures });
}
