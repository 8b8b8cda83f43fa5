import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { sessions, trustedDevices } from "@/db/schema";
import { changePassword } from "@/lib/account-changes/change-password";
import { authenticateWithPassword, maxConsecutivePasswordFailures } from "@/lib/auth/authenticate-with-password";
import { confirmPasswordLimit as currentPasswordLimit } from "@/lib/auth/confirm-password";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import { verifyPassword } from "@/lib/auth/passwords";
import { recordStepUp } from "@/lib/two-step/step-up";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { setupTestDatabase } from "../helpers/test-db";
import { at, errorCode, makeUser, messagesTo, minutes, openSession, password, reload } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const newPassword = "Quiet-Harbor-Violet-3318";

async function steppedUp(now = new Date()) {
  const { user } = await makeUser();
  const sessionId = await openSession(user);
  await recordStepUp({ sessionId, action: "password", now });
  return { user, sessionId };
}

describe("changePassword", () => {
  it("needs a fresh 'password' step-up: none, another action's, or one older than 10 minutes is refused", async () => {
    const t0 = new Date();
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    const attempt = (now: Date) => errorCode(changePassword({ userId: user.id, sessionId, currentPassword: password, newPassword, now }));
    expect(await attempt(t0)).toBe("STEP_UP_REQUIRED");
    await recordStepUp({ sessionId, action: "email", now: t0 });
    expect(await attempt(t0)).toBe("STEP_UP_REQUIRED");
    await recordStepUp({ sessionId, action: "password", now: t0 });
    expect(await attempt(at(t0, minutes(10) + 1000))).toBe("STEP_UP_REQUIRED");
    const after = await reload(user);
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.passwordChangedAt).toBeNull();
  });

  it("applies the sign-up policy to the new password and stores nothing on a refusal", async () => {
    const { user, sessionId } = await steppedUp();
    const reason = async (candidate: string) => {
      try {
        await changePassword({ userId: user.id, sessionId, currentPassword: password, newPassword: candidate });
      } catch (error) {
        return (error as { code: string; details: { reason?: string } }).code === "WEAK_PASSWORD" ? (error as { details: { reason: string } }).details.reason : (error as { code: string }).code;
      }
      return "accepted";
    };
    expect(await reason("short1")).toBe("passwordTooShort");
    expect(await reason("x".repeat(129))).toBe("passwordTooLong");
    expect(await reason("password123")).toMatch(/^weak:/);
    expect(await reason("qwertyuiop")).toMatch(/^weak:/);
    expect(await reason(user.email)).toBe("weak:userInputs");
    expect(await reason(password)).toBe("SAME_PASSWORD");
    const after = await reload(user);
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.passwordChangedAt).toBeNull();
  });

  it(`refuses a wrong current password and throttles after ${currentPasswordLimit} tries`, async () => {
    const t0 = new Date();
    const { user, sessionId } = await steppedUp(t0);
    const codes = [];
    for (let i = 0; i <= currentPasswordLimit; i++) {
      codes.push(await errorCode(changePassword({ userId: user.id, sessionId, currentPassword: "not-my-password", newPassword, now: at(t0, i * 1000) })));
    }
    expect(codes).toEqual([...Array(currentPasswordLimit - 1).fill("WRONG_PASSWORD"), "THROTTLED", "THROTTLED"]);
    // Even the right password waits while throttled.
    expect(await errorCode(changePassword({ userId: user.id, sessionId, currentPassword: password, newPassword, now: at(t0, 7000) }))).toBe("THROTTLED");
    expect((await reload(user)).passwordHash).toBe(user.passwordHash);
  });

  it(`counts a wrong current password toward the ${maxConsecutivePasswordFailures}-in-a-row lock; at the lock it is refused here and on the sign-in form`, async () => {
    const t0 = new Date();
    const { user, sessionId } = await steppedUp(t0);
    const failures = { key: `signin:failures:${user.email.toLowerCase()}`, now: t0 };
    const change = (currentPassword: string, ms: number) => errorCode(changePassword({ userId: user.id, sessionId, currentPassword, newPassword, now: at(t0, ms) }));

    expect(await change("not-my-password", 0)).toBe("WRONG_PASSWORD");
    expect((await peekRateLimit(failures)).hits).toBe(1);
    // Failures elsewhere (the sign-in form) bring the account to one short of the lock; the next wrong one here locks it.
    for (let i = 2; i < maxConsecutivePasswordFailures; i++) await hitRateLimit({ ...failures, windowMs: 86_400_000 });
    expect(await change("still-not-it", 1000)).toBe("LOCKED");
    expect(await change(password, 2000)).toBe("LOCKED");
    const signIn = authenticateWithPassword({ email: user.email, password, ip: null, userAgent: "test", now: at(t0, 3000) });
    expect(await errorCode(signIn)).toBe("LOCKED");
    expect((await reload(user)).passwordHash).toBe(user.passwordHash);
  });

  it("stores an argon2id hash, sets passwordChangedAt, signs out the other sessions and emails the owner", async () => {
    const now = new Date();
    const { user, sessionId } = await steppedUp(now);
    const others = [await openSession(user), await openSession(user)];
    const result = await changePassword({ userId: user.id, sessionId, currentPassword: password, newPassword, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0", now });
    expect(result.signedOut).toBe(2);

    const after = await reload(user);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.passwordHash).not.toContain(newPassword);
    expect(await verifyPassword(after.passwordHash, newPassword)).toBe(true);
    expect(await verifyPassword(after.passwordHash, password)).toBe(false);
    expect(after.passwordChangedAt?.getTime()).toBe(now.getTime());

    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.find((s) => s.id === sessionId)?.revokedAt).toBeNull();
    for (const id of others) expect(rows.find((s) => s.id === id)?.revokedAt).toBeInstanceOf(Date);

    const [mail] = await messagesTo(user.email);
    expect(mail?.subject).toBe("Your Stepwise password was changed");
    expect(mail?.text).toContain("Firefox 128");
    expect(mail?.text).not.toContain(newPassword);
  });

  it("makes every other remembered browser ask for a code again; this one stays remembered and all still get pushed codes", async () => {
    // With 2SV on: without it, trusted browsers are part of a half-done setup, which a new password ends (tests/enrollment).
    const { user } = await makeUser({ twoStep: { recoveryKey: "7KQ2M9XD4TRBHW" } });
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "password" });
    const [here, elsewhere] = ["a".repeat(43), "b".repeat(43)];
    for (const token of [here, elsewhere]) await trustDevice({ userId: user.id, token, label: token[0], remember: true });

    await changePassword({ userId: user.id, sessionId, deviceToken: here, currentPassword: password, newPassword });

    const rows = await db.select().from(trustedDevices).where(eq(trustedDevices.userId, user.id));
    const byLabel = Object.fromEntries(rows.map((d) => [d.label, d]));
    expect(byLabel.a?.rememberUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(byLabel.b?.rememberUntil).toBeNull();
    for (const d of rows) expect([d.revokedAt, d.receivesCodes]).toEqual([null, true]);
  });
});
