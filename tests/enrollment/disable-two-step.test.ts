import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { enrollments, events, outbox, recoveryKeys, securityQuestions, trustedDevices, trustedPhones, users } from "@/db/schema";
import { unsealText } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { verifySecurityAnswers } from "@/lib/security-questions/security-questions";
import { disableTwoStep } from "@/lib/two-step/enrollment/disable-two-step";
import { enableTwoStep } from "@/lib/two-step/enrollment/enable-two-step";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { verifyRecoveryKey } from "@/lib/two-step/recovery-key";
import { setupTestDatabase } from "../helpers/test-db";
import { enrollToReview, makeAccount, sessionRow, stubEnrollmentEnv } from "./helpers";

setupTestDatabase({ seed: "countries" });
beforeEach(stubEnrollmentEnv);

const questions = [
  { questionKey: "firstTeacher" as const, answer: "Mrs Dubois" },
  { questionKey: "childhoodStreet" as const, answer: "Rue de la Paix" },
  { questionKey: "firstJobCity" as const, answer: "Lyon" },
];

async function enabledAccount() {
  const account = await makeAccount({ sessionCount: 3 });
  const key = await enrollToReview({ userId: account.user.id, sessionId: account.sessionId });
  // Turning 2SV on moves this browser to a new session id.
  const { sessionId } = await enableTwoStep({ userId: account.user.id, sessionId: account.sessionId });
  // Two browsers sign in again after 2SV is on.
  const { createSession } = await import("@/lib/auth/sessions");
  const others = [await createSession({ userId: account.user.id, userAgent: "Firefox", ip: null, aal: 2 }), await createSession({ userId: account.user.id, userAgent: "Safari", ip: null, aal: 2 })];
  return { ...account, sessionId, key, others };
}

describe("disableTwoStep", () => {
  it("turns 2SV off: new questions stored, other sessions end, factors retired, event and email", async () => {
    const { user, sessionId, key, others } = await enabledAccount();
    const result = await disableTwoStep({ userId: user.id, sessionId, questions });
    expect(result.revokedSessions).toBe(2);

    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.twoStepEnabledAt).toBeNull();
    const stored = await db.select().from(securityQuestions).where(eq(securityQuestions.userId, user.id));
    expect(stored.map((q) => q.questionKey)).toEqual(["firstTeacher", "childhoodStreet", "firstJobCity"]);
    for (const q of stored) expect(q.answerHash).toMatch(/^\$argon2id\$/);
    expect(await verifySecurityAnswers({ userId: user.id, answers: { 1: "mrs dubois", 2: "  rue de la  paix", 3: "LYON" } })).toBe(true);

    for (const id of others) expect((await sessionRow(id)).revokedAt).not.toBeNull();
    expect((await sessionRow(sessionId)).revokedAt).toBeNull();

    expect(await db.select().from(trustedPhones).where(eq(trustedPhones.userId, user.id))).toHaveLength(0);
    expect(await db.select().from(trustedDevices).where(and(eq(trustedDevices.userId, user.id), isNull(trustedDevices.revokedAt)))).toHaveLength(0);
    expect(await db.select().from(recoveryKeys).where(and(eq(recoveryKeys.userId, user.id), isNull(recoveryKeys.replacedAt)))).toHaveLength(0);
    expect(await verifyRecoveryKey({ userId: user.id, key })).toBe(false);
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, user.id))).toHaveLength(0);

    const [event] = await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "two_step_disabled")));
    expect(event).toMatchObject({ countryCode: "US" });
    const mails = await db.select().from(outbox).where(and(eq(outbox.recipient, user.email), eq(outbox.subject, "Two-step verification was turned off")));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.status).toBe("sent");
    expect(unsealText(mails[0]!.body)).toContain("turned off");

    // Back in the "before" world, the account may turn 2SV on again at once (retiring factors is not a change).
    expect(await getEligibility({ user: after! })).toEqual({ status: "eligible" });
  });

  it("refuses without three valid questions, and changes nothing", async () => {
    const { user, sessionId, others } = await enabledAccount();
    const refused = await disableTwoStep({ userId: user.id, sessionId, questions: questions.slice(0, 2) }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "QUESTIONS_INVALID" });
    const dup = await disableTwoStep({ userId: user.id, sessionId, questions: [questions[0]!, questions[0]!, questions[1]!] }).catch((e: AppError) => e);
    expect(dup).toMatchObject({ code: "QUESTIONS_INVALID" });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.twoStepEnabledAt).not.toBeNull();
    expect((await sessionRow(others[0]!)).revokedAt).toBeNull();
  });

  it("an account without 2SV cannot turn it off", async () => {
    const { user, sessionId } = await makeAccount();
    const refused = await disableTwoStep({ userId: user.id, sessionId, questions }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "NOT_ENABLED" });
    expect(await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "two_step_disabled")))).toHaveLength(0);
  });
});
