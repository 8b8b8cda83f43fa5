import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { enrollments, events, outbox, recoveryKeys, securityQuestions, sessions, trustedPhones, users, waves } from "@/db/schema";
import { unsealText } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { findActiveSession, isPendingSecondStep } from "@/lib/auth/sessions";
import { confirmPendingRecoveryKey } from "@/lib/two-step/enrollment/confirm-pending-recovery-key";
import { createPendingRecoveryKey } from "@/lib/two-step/enrollment/create-pending-recovery-key";
import { enableTwoStep } from "@/lib/two-step/enrollment/enable-two-step";
import { enrollmentProofMs } from "@/lib/two-step/enrollment/enrollment-proof";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { getEnrollment } from "@/lib/two-step/enrollment/get-enrollment";
import { startEnrollment } from "@/lib/two-step/enrollment/start-enrollment";
import { normaliseRecoveryKey, verifyRecoveryKey } from "@/lib/two-step/recovery-key";
import { setupTestDatabase } from "../helpers/test-db";
import { enrollToReview, makeAccount, password, sessionRow, stubEnrollmentEnv } from "./helpers";

const testDb = setupTestDatabase({ seed: "countries" });
beforeEach(stubEnrollmentEnv);

const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof AppError ? e.code : `threw ${String(e)}`));

describe("enableTwoStep", () => {
  it("turns 2SV on in one transaction: questions deleted, other sessions revoked, key stored as a hash, events, email", async () => {
    const { user, sessionId, otherSessionIds } = await makeAccount({ sessionCount: 3 });
    // Signed in three days ago: fine for a password-only account, past the 24 hours of an aal 2 session.
    await db.update(sessions).set({ authenticatedAt: new Date(Date.now() - 3 * 24 * 3_600_000) }).where(eq(sessions.id, sessionId));
    const key = await enrollToReview({ userId: user.id, sessionId });

    const result = await enableTwoStep({ userId: user.id, sessionId });
    expect(result.revokedSessions).toBe(2);

    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.twoStepEnabledAt).toEqual(result.enabledAt);
    expect(await db.select().from(securityQuestions).where(eq(securityQuestions.userId, user.id))).toHaveLength(0);

    // Every other browser passed only the password: signed out. This one stays, at aal 2 (not sent to /verify), under
    // a new session id: the id it had at aal 1 is revoked, so whoever learnt it gains nothing from the upgrade.
    for (const id of otherSessionIds) expect((await sessionRow(id)).revokedAt).not.toBeNull();
    expect((await sessionRow(sessionId)).revokedAt).toEqual(result.enabledAt);
    expect(await findActiveSession(sessionId)).toBeNull();
    expect(result.sessionId).not.toBe(sessionId);
    const current = await sessionRow(result.sessionId);
    expect(current).toMatchObject({ revokedAt: null, upgradedFrom: sessionId, userId: user.id });
    expect(isPendingSecondStep({ session: current, user: after! })).toBe(false);
    // It has just proved both factors: its 24 hours at aal 2 start now, so it is not signed out at its next request.
    expect(current.authenticatedAt).toEqual(result.enabledAt);
    expect(await findActiveSession(result.sessionId, new Date(result.enabledAt.getTime() + 60_000))).not.toBeNull();

    const keys = await db.select().from(recoveryKeys).where(eq(recoveryKeys.userId, user.id));
    expect(keys).toHaveLength(1);
    expect(keys[0]!.confirmedAt).not.toBeNull();
    expect(keys[0]!.keyHash).toMatch(/^\$argon2id\$/);
    expect(await verifyRecoveryKey({ userId: user.id, key })).toBe(true);
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, user.id))).toHaveLength(0);

    const types = (await db.select().from(events).where(eq(events.userId, user.id))).map((e) => e.type);
    for (const type of ["enrollment_started", "phone_verified", "device_trusted", "key_confirmed", "two_step_enabled"]) expect(types).toContain(type);
    const [enabled] = await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "two_step_enabled")));
    expect(enabled).toMatchObject({ countryCode: "US", method: "sms+device" });

    const [mail] = await db.select().from(outbox).where(and(eq(outbox.recipient, user.email), eq(outbox.channel, "email")));
    expect(mail).toMatchObject({ status: "sent", subject: "Two-step verification is on" });
    expect(unsealText(mail!.body)).toContain("Two-step verification is now on");

    // The key is nowhere in clear: not in its own table, not in events, not in the outbox.
    const dump = JSON.stringify(await Promise.all([db.select().from(recoveryKeys), db.select().from(events), db.select().from(outbox), db.select().from(enrollments)]));
    expect(dump).not.toContain(normaliseRecoveryKey(key));
    expect(dump).not.toContain(key);
  });

  it("a device-only account (no phone) can turn 2SV on", async () => {
    const { user, sessionId } = await makeAccount();
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    await enableTwoStep({ userId: user.id, sessionId });
    const [enabled] = await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "two_step_enabled")));
    expect(enabled?.method).toBe("device");
  });

  it("refuses before the Recovery Key is confirmed, and without any phone or device", async () => {
    const { user, sessionId } = await makeAccount();
    await startEnrollment({ userId: user.id, sessionId, password });
    expect(await code(enableTwoStep({ userId: user.id, sessionId }))).toBe("NOT_READY");
    // Force the review step without factors: the transaction still checks them.
    await db.update(enrollments).set({ step: "review", pendingKeyHash: "$argon2id$placeholder" }).where(eq(enrollments.userId, user.id));
    expect(await code(enableTwoStep({ userId: user.id, sessionId }))).toBe("NEEDS_FACTOR");
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.twoStepEnabledAt).toBeNull();
    expect(await db.select().from(securityQuestions).where(eq(securityQuestions.userId, user.id))).toHaveLength(3);
  });

  it("a new key made after confirming sends the wizard back to the key step", async () => {
    const { user, sessionId } = await makeAccount();
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    const fresh = await createPendingRecoveryKey({ userId: user.id });
    expect(await code(enableTwoStep({ userId: user.id, sessionId }))).toBe("NOT_READY");
    expect(await code(confirmPendingRecoveryKey({ userId: user.id, key: "0000-0000-0000-00", understood: true }))).toBe("WRONG_KEY");
    expect(await code(confirmPendingRecoveryKey({ userId: user.id, key: fresh, understood: false }))).toBe("NOT_UNDERSTOOD");
    await confirmPendingRecoveryKey({ userId: user.id, key: fresh.toLowerCase().replace(/-/g, " "), understood: true });
    await enableTwoStep({ userId: user.id, sessionId });
  });

  it("20 concurrent 'turn on' clicks enable once and record one event", async () => {
    const { user, sessionId } = await makeAccount();
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => code(enableTwoStep({ userId: user.id, sessionId }))));
    expect(outcomes.filter((o) => o === "resolved")).toHaveLength(1);
    expect(new Set(outcomes.filter((o) => o !== "resolved"))).toEqual(new Set(["ALREADY_ENABLED"]));
    expect(await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "two_step_enabled")))).toHaveLength(1);
    expect(await db.select().from(recoveryKeys).where(eq(recoveryKeys.userId, user.id))).toHaveLength(1);
  });
});

describe("the enrollment belongs to the session that proved the password, for an hour", () => {
  it("another session of the account cannot turn it on, not even with the password's enrollment at review", async () => {
    const { user, sessionId, otherSessionIds } = await makeAccount({ sessionCount: 2 });
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    expect(await code(enableTwoStep({ userId: user.id, sessionId: otherSessionIds[0]! }))).toBe("NOT_PROVED");
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.twoStepEnabledAt).toBeNull();
    // Re-typing the password there binds the enrollment to that session instead, keeping the progress.
    await startEnrollment({ userId: user.id, sessionId: otherSessionIds[0]!, password });
    expect((await getEnrollment(user.id))?.step).toBe("review");
    expect(await code(enableTwoStep({ userId: user.id, sessionId }))).toBe("NOT_PROVED");
    await enableTwoStep({ userId: user.id, sessionId: otherSessionIds[0]! });
  });

  it("an hour after the password was re-typed, even its own session must type it again", async () => {
    const { user, sessionId } = await makeAccount();
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    const { provedAt } = (await getEnrollment(user.id))!;
    expect(await code(enableTwoStep({ userId: user.id, sessionId, now: new Date(provedAt!.getTime() + enrollmentProofMs) }))).toBe("NOT_PROVED");
    await enableTwoStep({ userId: user.id, sessionId, now: new Date(provedAt!.getTime() + enrollmentProofMs - 1) });
  });
});

describe("eligibility", () => {
  it("a French account cannot start: 2SV is not available in FR yet", async () => {
    const { user, sessionId } = await makeAccount({ countryCode: "FR" });
    expect(await getEligibility({ user })).toEqual({ status: "unavailable", availability: { status: "planned", wave: "Wave 3" } });
    expect(await code(startEnrollment({ userId: user.id, sessionId, password }))).toBe("NOT_AVAILABLE");
  });

  it("a wrong password does not start the wizard", async () => {
    const { user, sessionId } = await makeAccount();
    expect(await code(startEnrollment({ userId: user.id, sessionId, password: "not-my-password" }))).toBe("WRONG_PASSWORD");
    expect(await db.select().from(enrollments).where(eq(enrollments.userId, user.id))).toHaveLength(0);
  });

  it("five wrong passwords in a row lock the re-confirmation for a while", async () => {
    const { user, sessionId } = await makeAccount();
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await code(startEnrollment({ userId: user.id, sessionId, password: `wrong-${i}` })));
    expect(outcomes).toEqual(["WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD", "THROTTLED", "THROTTLED"]);
    expect(await code(startEnrollment({ userId: user.id, sessionId, password }))).toBe("THROTTLED");
  });

  it("an enrolled account keeps 2SV when its country's wave is later cancelled", async () => {
    const { user, sessionId } = await makeAccount({ countryCode: "NZ" });
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    await enableTwoStep({ userId: user.id, sessionId });
    await db.update(waves).set({ status: "cancelled" }).where(eq(waves.name, "Wave 1"));
    try {
      const [after] = await db.select().from(users).where(eq(users.id, user.id));
      expect(after!.twoStepEnabledAt).not.toBeNull();
      expect(await getEligibility({ user: after! })).toEqual({ status: "enabled" });
    } finally {
      await db.update(waves).set({ status: "complete" }).where(eq(waves.name, "Wave 1"));
    }
  });
});

describe("waiting period", () => {
  const day = 24 * 60 * 60_000;

  it("a password changed 2 d 23 h 59 min before blocks turning on; at 3 days it goes through", async () => {
    const { user, sessionId } = await makeAccount();
    await enrollToReview({ userId: user.id, sessionId, withPhone: false });
    const changedAt = new Date(Date.now() - 60_000);
    await db.update(users).set({ passwordChangedAt: changedAt }).where(eq(users.id, user.id));

    const almost = new Date(changedAt.getTime() + 3 * day - 60_000);
    // The owner comes back days later and re-types the password for the wizard (the proof lasts an hour).
    await db.update(enrollments).set({ provedAt: almost }).where(eq(enrollments.userId, user.id));
    const refused = await enableTwoStep({ userId: user.id, sessionId, now: almost, waitingDays: 3 }).catch((e: AppError) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "WAITING_PERIOD", details: { reason: "password", until: new Date(changedAt.getTime() + 3 * day).toISOString() } });

    await enableTwoStep({ userId: user.id, sessionId, now: new Date(changedAt.getTime() + 3 * day), waitingDays: 3 });
  });

  it("an email change blocks starting the wizard; TWO_STEP_WAITING_DAYS=0 switches the rule off", async () => {
    const { user, sessionId } = await makeAccount({ emailChangedAt: new Date() });
    const refused = await startEnrollment({ userId: user.id, sessionId, password }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "WAITING_PERIOD", details: { reason: "email" } });
    expect(await getEligibility({ user })).toMatchObject({ status: "waiting", period: { reason: "email" } });

    vi.stubEnv("TWO_STEP_WAITING_DAYS", "0");
    expect(await getEligibility({ user })).toEqual({ status: "eligible" });
  });

  it("a phone verified in this enrollment is no reason to wait; a phone removed earlier is", async () => {
    const { user, sessionId } = await makeAccount();
    await enrollToReview({ userId: user.id, sessionId });
    expect(await getEligibility({ user })).toEqual({ status: "eligible" });

    await db.insert(trustedPhones).values({
      userId: user.id,
      e164: "+12025550147",
      countryCode: "US",
      verifiedAt: new Date(Date.now() - 10 * day),
      removedAt: new Date(Date.now() - day),
      createdAt: new Date(Date.now() - 10 * day),
    });
    expect(await getEligibility({ user })).toMatchObject({ status: "waiting", period: { reason: "phone" } });
    expect(await code(enableTwoStep({ userId: user.id, sessionId }))).toBe("WAITING_PERIOD");
    // Nothing changed: still off, questions still there, this enrollment still waiting at "review".
    expect((await db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]!.aal).toBe(1);
    expect(await db.select().from(securityQuestions).where(eq(securityQuestions.userId, user.id))).toHaveLength(3);
    expect((await db.select().from(enrollments).where(eq(enrollments.userId, user.id)))[0]!.step).toBe("review");
  });
});

void testDb;
