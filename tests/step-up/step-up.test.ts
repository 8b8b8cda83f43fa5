import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { stepUps } from "@/db/schema";
import { assertStepUpFresh } from "@/lib/account-changes/assert-step-up-fresh";
import { answerAttemptsLimit, waitAfterWrongAnswers } from "@/lib/account-changes/check-security-answers";
import { passStepUpWithCode } from "@/lib/account-changes/pass-step-up-with-code";
import { passStepUpWithQuestions } from "@/lib/account-changes/pass-step-up-with-questions";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { isStepUpFresh, recordStepUp, stepUpFreshUntil } from "@/lib/two-step/step-up";
import { setupTestDatabase } from "../helpers/test-db";
import { answers, at, errorCode, lastSmsCode, makeUser, minutes, openSession, phoneOf, request } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const t0 = new Date("2030-06-01T12:00:00Z");
const sec = 1000;

describe("step-up freshness", () => {
  it("a proof is fresh at 9:59 and lapsed at 10:01", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "password", now: t0 });
    expect(await isStepUpFresh({ sessionId, action: "password", now: at(t0, minutes(9) + 59 * sec) })).toBe(true);
    expect(await isStepUpFresh({ sessionId, action: "password", now: at(t0, minutes(10) + 1 * sec) })).toBe(false);
    expect(await errorCode(assertStepUpFresh({ sessionId, action: "password", now: at(t0, minutes(10) + 1 * sec) }))).toBe("STEP_UP_REQUIRED");
    await expect(assertStepUpFresh({ sessionId, action: "password", now: at(t0, minutes(9) + 59 * sec) })).resolves.toBeUndefined();
  });

  it("says until when a proof holds (what the console shows after 'Confirm it's you'), and nothing once it lapsed", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    expect(await stepUpFreshUntil({ sessionId, action: "rollout", now: t0 })).toBeNull();
    await recordStepUp({ sessionId, action: "rollout", now: t0 });
    expect(await stepUpFreshUntil({ sessionId, action: "rollout", now: at(t0, minutes(3)) })).toEqual(at(t0, minutes(10)));
    expect(await stepUpFreshUntil({ sessionId, action: "staff", now: at(t0, minutes(3)) })).toBeNull();
    expect(await stepUpFreshUntil({ sessionId, action: "rollout", now: at(t0, minutes(10) + sec) })).toBeNull();
  });

  it("each action lapses on its own, and a proof never covers another action or another session", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    const other = await openSession(user);
    await recordStepUp({ sessionId, action: "password", now: t0 });
    await recordStepUp({ sessionId, action: "email", now: at(t0, minutes(5)) });

    const later = at(t0, minutes(10) + sec);
    expect(await isStepUpFresh({ sessionId, action: "password", now: later })).toBe(false);
    expect(await isStepUpFresh({ sessionId, action: "email", now: later })).toBe(true);
    expect(await isStepUpFresh({ sessionId, action: "profile", now: at(t0, sec) })).toBe(false);
    expect(await isStepUpFresh({ sessionId: other, action: "email", now: later })).toBe(false);
    expect(await isStepUpFresh({ sessionId, action: "email", now: at(t0, minutes(15) + sec) })).toBe(false);
  });
});

describe("step-up with security questions (2SV off)", () => {
  it("wrong answers record nothing; the right answers record a proof for that action only", async () => {
    const { user } = await makeUser({ questions: true });
    const sessionId = await openSession(user);
    const wrong = { ...answers, 3: "someone else" };
    expect(await errorCode(passStepUpWithQuestions({ user, sessionId, action: "password", answers: wrong, now: t0 }))).toBe("WRONG_ANSWERS");
    expect(await db.select().from(stepUps).where(eq(stepUps.sessionId, sessionId))).toHaveLength(0);

    // Answers compare case-, accent- and space-insensitively.
    await passStepUpWithQuestions({ user, sessionId, action: "password", answers: { 1: " rex ", 2: "RUE DE LA PAIX", 3: "mrs lovelace" }, now: t0 });
    expect(await isStepUpFresh({ sessionId, action: "password", now: at(t0, sec) })).toBe(true);
    expect(await isStepUpFresh({ sessionId, action: "email", now: at(t0, sec) })).toBe(false);
  });

  it(`throttles wrong answers per account: after ${answerAttemptsLimit} wrong sets even the right answers wait for the window`, async () => {
    const { user } = await makeUser({ questions: true });
    const sessionId = await openSession(user);
    const wrong = { 1: "a", 2: "b", 3: "c" };
    const results = [];
    for (let i = 0; i < answerAttemptsLimit; i++) {
      results.push(await errorCode(passStepUpWithQuestions({ user, sessionId, action: "profile", answers: wrong, now: at(t0, i * sec) })));
    }
    expect(results).toEqual([...Array(answerAttemptsLimit - 1).fill("WRONG_ANSWERS"), "THROTTLED"]);
    expect(await errorCode(passStepUpWithQuestions({ user, sessionId, action: "profile", answers, now: at(t0, minutes(1)) }))).toBe("THROTTLED");
    // Another session of the same account shares the count: the throttle is per user.
    const other = await openSession(user);
    expect(await errorCode(passStepUpWithQuestions({ user, sessionId: other, action: "profile", answers, now: at(t0, minutes(2)) }))).toBe("THROTTLED");
    expect(await isStepUpFresh({ sessionId, action: "profile", now: at(t0, minutes(2)) })).toBe(false);

    await passStepUpWithQuestions({ user, sessionId, action: "profile", answers, now: at(t0, minutes(16)) });
    expect(await isStepUpFresh({ sessionId, action: "profile", now: at(t0, minutes(16)) })).toBe(true);
  });

  it("wrong sets in a row wait longer each time, up to a day; the right answers start the count again", async () => {
    const { user } = await makeUser({ questions: true });
    const sessionId = await openSession(user);
    const wrong = { 1: "a", 2: "b", 3: "c" };
    /** The refusal of one try, and how long from `now` it says to wait. */
    const attempt = async (tried: Record<number, string>, now: Date) => {
      try {
        await passStepUpWithQuestions({ user, sessionId, action: "profile", answers: tried, now });
        return { code: "passed", waitMs: 0 };
      } catch (error) {
        const { code, details } = error as { code: string; details: { retryAt?: string } };
        return { code, waitMs: details.retryAt ? Date.parse(details.retryAt) - now.getTime() : 0 };
      }
    };

    for (let i = 0; i < answerAttemptsLimit; i++) await attempt(wrong, at(t0, i * sec));
    // The window's 15 minutes passed; each wrong set since waits twice as long as the one before, then a day.
    let now = at(t0, minutes(16));
    const waits = [];
    for (let failures = answerAttemptsLimit + 1; failures <= 13; failures++) {
      const refused = await attempt(wrong, now);
      expect(refused.code, `wrong set ${failures}`).toBe("THROTTLED");
      waits.push(refused.waitMs / minutes(1));
      // Even the right answers wait it out.
      expect((await attempt(answers, at(now, refused.waitMs - sec))).code).toBe("THROTTLED");
      now = at(now, refused.waitMs);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440]);
    expect(await isStepUpFresh({ sessionId, action: "profile", now })).toBe(false);

    expect((await attempt(answers, now)).code).toBe("passed");
    expect(await isStepUpFresh({ sessionId, action: "profile", now })).toBe(true);
    expect(await attempt(wrong, at(now, sec))).toEqual({ code: "WRONG_ANSWERS", waitMs: 0 });
  });

  it("waits nothing before the limit, then 15 minutes doubling to a day", () => {
    expect([0, 1, 4].map(waitAfterWrongAnswers)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 11, 12, 100].map((n) => waitAfterWrongAnswers(n) / minutes(1))).toEqual([15, 30, 60, 960, 1440, 1440]);
  });

  it("an account without questions is told to set them; an account with 2SV cannot use questions", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    expect(await errorCode(passStepUpWithQuestions({ user, sessionId, action: "password", answers, now: t0 }))).toBe("NO_QUESTIONS");

    const { user: enrolled } = await makeUser({ questions: true, twoStep: { recoveryKey: "ABCDEFGHJKMNPQ" } });
    const enrolledSession = await openSession(enrolled);
    expect(await errorCode(passStepUpWithQuestions({ user: enrolled, sessionId: enrolledSession, action: "password", answers, now: t0 }))).toBe("TWO_STEP_ON");
    expect(await isStepUpFresh({ sessionId: enrolledSession, action: "password", now: t0 })).toBe(false);
  });
});

describe("step-up with a code (2SV on)", () => {
  it("a step-up code sent to this session records a proof; a wrong code or another session's code does not", async () => {
    const { user, phoneId } = await makeUser({ twoStep: { recoveryKey: "ABCDEFGHJKMNPQ" } });
    const sessionId = await openSession(user);
    const otherSession = await openSession(user);
    const now = new Date();
    const issued = await issueChallenge({ userId: user.id, sessionId, purpose: "step_up", method: "sms", phoneId, request, now });
    const code = await lastSmsCode(await phoneOf(phoneId!));

    const wrong = code === "000000" ? "111111" : "000000";
    expect(await errorCode(passStepUpWithCode({ user, sessionId, action: "password", proof: { method: "sent", challengeId: issued.challengeId, code: wrong }, now }))).toBe("WRONG_CODE");
    expect(await errorCode(passStepUpWithCode({ user, sessionId: otherSession, action: "password", proof: { method: "sent", challengeId: issued.challengeId, code }, now }))).toBe("NOT_VALID");
    expect(await isStepUpFresh({ sessionId, action: "password", now })).toBe(false);

    await passStepUpWithCode({ user, sessionId, action: "password", proof: { method: "sent", challengeId: issued.challengeId, code }, now });
    expect(await isStepUpFresh({ sessionId, action: "password", now })).toBe(true);
    expect(await isStepUpFresh({ sessionId, action: "disable_two_step", now })).toBe(false);
    expect(await isStepUpFresh({ sessionId: otherSession, action: "password", now })).toBe(false);
    // Single use: the same code cannot confirm a second action.
    expect(await errorCode(passStepUpWithCode({ user, sessionId, action: "email", proof: { method: "sent", challengeId: issued.challengeId, code }, now }))).toBe("NOT_VALID");
  });

  it("a sign-in code is not a step-up code", async () => {
    const { user, phoneId } = await makeUser({ twoStep: { recoveryKey: "ABCDEFGHJKMNPQ" } });
    const sessionId = await openSession(user);
    const issued = await issueChallenge({ userId: user.id, sessionId, purpose: "sign_in", method: "sms", phoneId, request });
    const code = await lastSmsCode(await phoneOf(phoneId!));
    expect(await errorCode(passStepUpWithCode({ user, sessionId, action: "password", proof: { method: "sent", challengeId: issued.challengeId, code } }))).toBe("NOT_VALID");
  });
});
