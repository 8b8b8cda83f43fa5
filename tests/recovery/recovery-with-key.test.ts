import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { challenges, recoveryKeys, secondFactorLockouts, sessions, trustedDevices, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/passwords";
import { pauseCountry, resumeCountry } from "@/lib/rollout/countries/pause-country";
import { confirmNewRecoveryKey } from "@/lib/recovery/confirm-new-recovery-key";
import { openRecoveryAttempt, sealRecoveryAttempt } from "@/lib/recovery/recovery-attempt";
import { recoveryAttemptStatus } from "@/lib/recovery/recovery-attempt-status";
import { keyAttemptsPerAccount, keyAttemptsPerIp, recoveryAttemptTtlMs } from "@/lib/recovery/recovery-policy";
import { resetPasswordWithRecoveryKey } from "@/lib/recovery/reset-password-with-recovery-key";
import { sendRecoveryCode } from "@/lib/recovery/send-recovery-code";
import { startRecovery } from "@/lib/recovery/start-recovery";
import { verifyRecoveryCode } from "@/lib/recovery/verify-recovery-code";
import { longestWaitMs, maxConsecutiveFailures } from "@/lib/two-step/code-policy";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { formatRecoveryKey, hashRecoveryKey, storeRecoveryKey, verifyRecoveryKey } from "@/lib/two-step/recovery-key";
import { setupTestDatabase } from "../helpers/test-db";
import { at, errorCode, lastSmsCode, makeUser, messagesTo, minutes, openSession, phoneOf, reload, request } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const key = "7KQ2M9XD4TRBHW";
const newPassword = "Quiet-Harbor-Violet-3318";

async function enrolled() {
  const made = await makeUser({ twoStep: { recoveryKey: key } });
  return { ...made, phone: await phoneOf(made.phoneId!) };
}

async function passCode(attempt: Awaited<ReturnType<typeof startRecovery>>, phoneId: string, phone: string, now = new Date()) {
  const sent = await sendRecoveryCode({ attempt, method: "sms", phoneId, request, now });
  await verifyRecoveryCode({ attempt, proof: { method: "sent", challengeId: sent.challengeId, code: await lastSmsCode(phone) }, now });
}

describe("recovery with 2SV on: Recovery Key AND a code", () => {
  it("refuses a wrong key, an unknown email and an account without 2SV with the same error", async () => {
    const { user } = await enrolled();
    const { user: plain } = await makeUser({ questions: true });
    expect(await errorCode(startRecovery({ email: user.email, recoveryKey: "AAAAAAAAAAAAAA", ip: null }))).toBe("INVALID");
    expect(await errorCode(startRecovery({ email: "nobody@example.com", recoveryKey: key, ip: null }))).toBe("INVALID");
    expect(await errorCode(startRecovery({ email: plain.email, recoveryKey: key, ip: null }))).toBe("INVALID");
    // Case, dashes, spaces and look-alikes are forgiven.
    const attempt = await startRecovery({ email: ` ${user.email.toUpperCase()} `, recoveryKey: formatRecoveryKey(key).toLowerCase().replace(/0/g, "o"), ip: null });
    expect(attempt.userId).toBe(user.id);
  });

  it("the key alone does not reset the password: a verified code of this very attempt is required", async () => {
    const { user, phoneId, phone } = await enrolled();
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null });
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword }))).toBe("CODE_REQUIRED");

    // A code sent but not verified, or verified for another attempt or another purpose, does not count.
    const sent = await sendRecoveryCode({ attempt, method: "sms", phoneId, request });
    const code = await lastSmsCode(phone);
    const other = await startRecovery({ email: user.email, recoveryKey: key, ip: null });
    expect(await errorCode(verifyRecoveryCode({ attempt: other, proof: { method: "sent", challengeId: sent.challengeId, code } }))).toBe("NOT_VALID");
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword }))).toBe("CODE_REQUIRED");

    const sessionId = await openSession(user);
    const later = at(new Date(), minutes(1));
    const stepUp = await issueChallenge({ userId: user.id, sessionId, purpose: "step_up", method: "sms", phoneId, request, now: later });
    await expect(verifyRecoveryCode({ attempt, proof: { method: "sent", challengeId: stepUp.challengeId, code: await lastSmsCode(phone) }, now: later })).rejects.toMatchObject({ code: "NOT_VALID" });
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword, now: later }))).toBe("CODE_REQUIRED");
    expect((await reload(user)).passwordHash).toBe(user.passwordHash);
  });

  it("key + code → new password, every session ends, the old key stops working, a new key is issued, everyone is told", async () => {
    const { user, phoneId, phone } = await enrolled();
    const live = [await openSession(user), await openSession(user)];
    await trustDevice({ userId: user.id, token: "r".repeat(43), remember: true });
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: "198.51.100.7" });
    await passCode(attempt, phoneId!, phone);

    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword: "password1" }))).toBe("WEAK_PASSWORD");
    expect(await verifyRecoveryKey({ userId: user.id, key })).toBe(true);

    const now = new Date();
    const result = await resetPasswordWithRecoveryKey({ attempt, newPassword, userAgent: request.userAgent, now });
    expect(result.recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{14}$/);
    expect(result.recoveryKey).not.toBe(key);

    const after = await reload(user);
    expect(await verifyPassword(after.passwordHash, newPassword)).toBe(true);
    expect(after.passwordChangedAt?.getTime()).toBe(now.getTime());
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    for (const id of live) expect(rows.find((s) => s.id === id)?.revokedAt).toBeInstanceOf(Date);
    // No browser skips the second step any more: whoever ticked "Trust this browser" before the reset needs a code.
    const [remembered] = await db.select().from(trustedDevices).where(eq(trustedDevices.userId, user.id));
    expect(remembered?.rememberUntil).toBeNull();

    // The old key is refused from now on; the new one works (and only its hash is stored).
    expect(await verifyRecoveryKey({ userId: user.id, key })).toBe(false);
    expect(await errorCode(startRecovery({ email: user.email, recoveryKey: key, ip: null }))).toBe("INVALID");
    expect(await verifyRecoveryKey({ userId: user.id, key: result.recoveryKey })).toBe(true);
    const keys = await db.select().from(recoveryKeys).where(eq(recoveryKeys.userId, user.id));
    expect(keys.filter((k) => !k.replacedAt)).toHaveLength(1);
    for (const k of keys) expect(k.keyHash).not.toContain(result.recoveryKey);

    // The attempt cannot be replayed; its page says the reset is done (sending a code is refused).
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword: "Another-Long-Phrase-9931" }))).toBe("ATTEMPT_INVALID");
    expect(await recoveryAttemptStatus(attempt, now)).toBe("reset");
    expect(await errorCode(sendRecoveryCode({ attempt, method: "sms", phoneId: phoneId!, request, now }))).toBe("ATTEMPT_INVALID");
    expect(await recoveryAttemptStatus(attempt, new Date(attempt.expiresAt.getTime() + 1))).toBe("closed");

    const mail = await messagesTo(user.email);
    expect(mail[0]?.subject).toBe("Your Stepwise password was reset");
    expect(mail[0]?.text).toContain("Recovery Key");
    const sms = await messagesTo(phone);
    expect(sms[0]?.text).toMatch(/password was reset/);
    for (const m of [...mail, ...sms]) expect(m.text).not.toContain(result.recoveryKey);

    // The owner confirms the new key by typing it back.
    expect(await errorCode(confirmNewRecoveryKey({ userId: user.id, key }))).toBe("MISMATCH");
    await confirmNewRecoveryKey({ userId: user.id, key: formatRecoveryKey(result.recoveryKey) });
    const [current] = (await db.select().from(recoveryKeys).where(eq(recoveryKeys.userId, user.id))).filter((k) => !k.replacedAt);
    expect(current?.confirmedAt).toBeInstanceOf(Date);
  });

  it("an account locked for good after 100 wrong codes gets back in through recovery, and the lock is cleared", async () => {
    const { user, phoneId, phone } = await enrolled();
    const sessionId = await openSession(user);
    // Arranged: the count 100 consecutive wrong codes leave (tests/attackers walks there at an attacker's pace).
    await db.insert(secondFactorLockouts).values({ userId: user.id, consecutiveFailures: maxConsecutiveFailures });
    const signInCode = (now: Date) => issueChallenge({ userId: user.id, sessionId, purpose: "sign_in", method: "sms", phoneId, request, now });
    await expect(signInCode(new Date())).rejects.toMatchObject({ code: "LOCKED", details: { retryAt: null } });

    // The Recovery Key opens an attempt, whose code is sent and checked despite the lock.
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null });
    await passCode(attempt, phoneId!, phone);
    const [lockout] = await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id));
    expect(lockout!.consecutiveFailures).toBe(0);
    await expect(signInCode(at(new Date(), minutes(1)))).resolves.toMatchObject({ challengeId: expect.any(String) });
  });

  it("at the lock, recovery codes are not a way to guess fast: each wrong one waits out the longest wait", async () => {
    const { user, phoneId, phone } = await enrolled();
    await db.insert(secondFactorLockouts).values({ userId: user.id, consecutiveFailures: maxConsecutiveFailures });
    const t0 = new Date();
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: t0 });
    const sent = await sendRecoveryCode({ attempt, method: "sms", phoneId, request, now: t0 });
    const code = await lastSmsCode(phone);
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await errorCode(verifyRecoveryCode({ attempt, proof: { method: "sent", challengeId: sent.challengeId, code: wrong }, now: t0 }))).toBe("WRONG_CODE");
    // The right code a minute later waits, too: the next try is an hour after the wrong one.
    await expect(verifyRecoveryCode({ attempt, proof: { method: "sent", challengeId: sent.challengeId, code }, now: at(t0, minutes(1)) })).rejects.toMatchObject({
      code: "LOCKED",
      details: { retryAt: at(t0, longestWaitMs).toISOString() },
    });
    const later = await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: at(t0, longestWaitMs) });
    await passCode(later, phoneId!, phone, at(t0, longestWaitMs));
    expect((await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id)))[0]).toMatchObject({ consecutiveFailures: 0, blockedUntil: null });
  });

  it("at the lock, guesses anywhere else do not hold the owner's recovery back", async () => {
    const { user, phoneId, phone } = await enrolled();
    const sessionId = await openSession(user);
    const old = await issueChallenge({ userId: user.id, sessionId, purpose: "sign_in", method: "sms", phoneId, request });
    await db.update(secondFactorLockouts).set({ consecutiveFailures: maxConsecutiveFailures }).where(eq(secondFactorLockouts.userId, user.id));
    // Someone holding that old challenge id tries it from their own session: it counts, and sets no wait.
    const stranger = await openSession(user);
    expect(await errorCode(verifyChallenge({ challengeId: old.challengeId, sessionId: stranger, purpose: "sign_in", code: "123456" }))).toBe("NOT_VALID");
    expect((await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id)))[0]).toMatchObject({ consecutiveFailures: maxConsecutiveFailures + 1, blockedUntil: null });
    // A minute later (past the resend cooldown of the sign-in code), the owner's recovery goes straight through.
    const later = at(new Date(), minutes(1));
    await passCode(await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: later }), phoneId!, phone, later);
  });

  it("an attempt whose owner changed the password and replaced the key in their settings is closed, not told a reset happened", async () => {
    const { user, phoneId, phone } = await enrolled();
    const t0 = new Date();
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: t0 });
    await passCode(attempt, phoneId!, phone, t0);
    expect(await recoveryAttemptStatus(attempt, t0)).toBe("ready");
    await db.update(users).set({ passwordChangedAt: at(t0, minutes(1)) }).where(eq(users.id, user.id));
    await storeRecoveryKey({ userId: user.id, keyHash: await hashRecoveryKey("9ZQ2M9XD4TRBHW"), confirmedAt: t0, now: at(t0, minutes(2)) });
    expect(await recoveryAttemptStatus(attempt, at(t0, minutes(3)))).toBe("closed");
  });

  it("an attempt lapses after 15 minutes, and its cookie cannot be forged", async () => {
    const { user, phoneId, phone } = await enrolled();
    const t0 = new Date();
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: t0 });
    await passCode(attempt, phoneId!, phone, t0);
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword, now: at(t0, recoveryAttemptTtlMs + 1000) }))).toBe("ATTEMPT_INVALID");

    const sealed = sealRecoveryAttempt(attempt);
    expect(openRecoveryAttempt(sealed, t0)).toEqual(attempt);
    expect(openRecoveryAttempt(sealed, at(t0, recoveryAttemptTtlMs))).toBeNull();
    expect(openRecoveryAttempt(`${sealed.slice(0, -3)}abc`, t0)).toBeNull();
    expect(openRecoveryAttempt(JSON.stringify({ a: attempt.id, u: user.id }), t0)).toBeNull();
    // Challenges store only a hash of the code.
    const rows = await db.select().from(challenges).where(eq(challenges.sessionId, attempt.id));
    expect(rows[0]?.codeHash).not.toMatch(/^\d{6}$/);
  });

  it(`throttles wrong keys: ${keyAttemptsPerAccount} per account, then even the right key waits`, async () => {
    const { user } = await enrolled();
    const t0 = new Date();
    const codes = [];
    for (let i = 0; i < keyAttemptsPerAccount; i++) codes.push(await errorCode(startRecovery({ email: user.email, recoveryKey: `WRONG${i}KEY00000`, ip: null, now: t0 })));
    expect(codes).toEqual(Array(keyAttemptsPerAccount).fill("INVALID"));
    expect(await errorCode(startRecovery({ email: user.email, recoveryKey: key, ip: null, now: t0 }))).toBe("THROTTLED");
    await expect(startRecovery({ email: user.email, recoveryKey: key, ip: null, now: at(t0, minutes(16)) })).resolves.toMatchObject({ userId: user.id });
  });

  it(`throttles one address across accounts after ${keyAttemptsPerIp} tries`, async () => {
    const t0 = new Date();
    const ip = "203.0.113.99";
    for (let i = 0; i < keyAttemptsPerIp; i++) await errorCode(startRecovery({ email: `guess${i}@example.com`, recoveryKey: key, ip, now: t0 }));
    const { user } = await enrolled();
    expect(await errorCode(startRecovery({ email: user.email, recoveryKey: key, ip, now: t0 }))).toBe("THROTTLED");
    await expect(startRecovery({ email: user.email, recoveryKey: key, ip: "203.0.113.100", now: t0 })).resolves.toBeTruthy();
  });
  it("still works while the account's country is paused: the kill switch never strands an enrolled account", async () => {
    const { user, phoneId, phone } = await enrolled();
    const [operator] = await db.insert(users).values({ email: `op-${user.id}@stepwise.test`, name: "Op", countryCode: "US", passwordHash: "x", role: "operator" }).returning();
    await pauseCountry({ actor: { id: operator!.id, name: "Op", email: operator!.email, role: "operator" }, countryCode: "US", reason: "carrier outage" });
    try {
      const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: "198.51.100.8" });
      await passCode(attempt, phoneId!, phone);
      await resetPasswordWithRecoveryKey({ attempt, newPassword, userAgent: request.userAgent });
      expect(await verifyPassword((await reload(user)).passwordHash, newPassword)).toBe(true);
    } finally {
      await resumeCountry({ actor: { id: operator!.id, name: "Op", email: operator!.email, role: "operator" }, countryCode: "US", reason: "test over" });
    }
  });
});
