import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { appPasswords, users } from "@/db/schema";
import { authenticateBasic } from "@/lib/app-passwords/authenticate-basic";
import { createAppPassword, listAppPasswords, revokeAppPasswords } from "@/lib/app-passwords/manage-app-passwords";
import { authenticateWithPassword, maxConsecutivePasswordFailures } from "@/lib/auth/authenticate-with-password";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import { setupTestDatabase } from "../helpers/test-db";
import { changePassword } from "@/lib/account-changes/change-password";
import { recordStepUp } from "@/lib/two-step/step-up";
import { errorCode, makeUser, messagesTo, openSession, password } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";
const basic = (email: string, secret: string) => `Basic ${Buffer.from(`${email}:${secret}`).toString("base64")}`;
const call = async (email: string, secret: string, ip = "198.51.100.7") => {
  const result = await authenticateBasic({ header: basic(email, secret), ip });
  return result.ok ? result.via : result.reason;
};

describe("app-specific passwords", () => {
  it("look like Apple's, work for the Basic API and record their last use", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Mail on iPad" });
    expect(secret).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
    expect(await call(user.email, secret)).toBe("app_password");
    expect(await call(user.email.toUpperCase(), secret.replaceAll("-", "").toUpperCase())).toBe("app_password");
    const [listed] = await listAppPasswords(user.id);
    expect(listed).toMatchObject({ label: "Mail on iPad", lastUsedIp: "198.51.100.7" });
    expect(listed!.lastUsedAt).toBeInstanceOf(Date);
    const [email] = await messagesTo(user.email);
    expect(email!.text).toContain("the app-specific password “Mail on iPad”");
    expect(email!.text).not.toContain(secret);
  });

  it("with 2SV on, the main password is refused by the API; without 2SV it is accepted", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    expect(await call(user.email, password)).toBe("refused");
    await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, user.id));
    expect(await call(user.email, password)).toBe("password");
  });

  it("are never accepted by the sign-in page", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Calendar" });
    expect(await errorCode(authenticateWithPassword({ email: user.email, password: secret, ip: "198.51.100.8", userAgent: "test" }))).toBe("INVALID_CREDENTIALS");
  });

  it("stop working once revoked, and belong to their account only", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const { user: other } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Contacts" });
    expect(await call(other.email, secret)).toBe("refused");
    const [row] = await listAppPasswords(user.id);
    expect(await revokeAppPasswords({ userId: other.id, id: row!.id })).toBe(0);
    expect(await call(user.email, secret)).toBe("app_password");
    expect(await revokeAppPasswords({ userId: user.id, id: row!.id })).toBe(1);
    expect(await call(user.email, secret)).toBe("refused");
    expect(await listAppPasswords(user.id)).toHaveLength(0);
  });

  it("all stop working when the main password changes (as at Apple)", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Mail" });
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "password" });
    await changePassword({ userId: user.id, sessionId, currentPassword: password, newPassword: "Quartz-Harbor-Violet-9183" });
    expect(await call(user.email, secret)).toBe("refused");
    expect(await listAppPasswords(user.id)).toHaveLength(0);
  });

  it("need 2SV, and are stored as keyed hashes only", async () => {
    const { user: plain } = await makeUser();
    expect(await errorCode(createAppPassword({ user: plain, label: "Mail" }))).toBe("TWO_STEP_OFF");
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Mail" });
    const dump = JSON.stringify(await db.select().from(appPasswords).where(eq(appPasswords.userId, user.id)));
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(secret.replaceAll("-", ""));
  });

  it("share the sign-in limits: after 5 wrong tries the account is throttled, even for the right password", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Mail" });
    for (let i = 0; i < 5; i++) expect(await call(user.email, "aaaa-bbbb-cccc-dddd", `198.51.100.${20 + i}`)).toBe("refused");
    expect(await call(user.email, secret, "198.51.100.40")).toBe("throttled");
  });

  it("spend the sign-in form's own account throttle: the form and the API together get 5 tries, not 5 each", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Mail" });
    for (let i = 0; i < 3; i++) expect(await errorCode(authenticateWithPassword({ email: user.email, password: `wrong-${i}`, ip: `198.51.100.${80 + i}`, userAgent: "test" }))).toBe("INVALID_CREDENTIALS");
    for (let i = 0; i < 2; i++) expect(await call(user.email, `not-my-password-${i}`, `198.51.100.${85 + i}`)).toBe("refused");
    expect(await errorCode(authenticateWithPassword({ email: user.email, password, ip: "198.51.100.87", userAgent: "test" }))).toBe("THROTTLED");
    expect(await call(user.email, secret, "198.51.100.88")).toBe("throttled");
  });

  it("count a 16-letter guess towards the lock when it was also tried as the main password (no 2SV)", async () => {
    const { user } = await makeUser();
    const email = user.email.toLowerCase();
    const failures = async () => (await peekRateLimit({ key: `signin:failures:${email}` })).hits;
    expect(await call(user.email, "abcd-efgh-ijkl-mnop", "198.51.100.90")).toBe("refused");
    expect(await call(user.email, "qrstuvwxyzabcdef", "198.51.100.91")).toBe("refused");
    expect(await failures()).toBe(2);
    // Such guesses reach the lock like any other: at 100 the right password is refused here and on the form.
    for (let i = 2; i < maxConsecutivePasswordFailures - 1; i++) await hitRateLimit({ key: `signin:failures:${email}`, windowMs: 86_400_000 });
    expect(await call(user.email, "zyxwvutsrqponmlk", "198.51.100.92")).toBe("refused");
    expect(await failures()).toBe(maxConsecutivePasswordFailures);
    expect(await call(user.email, password, "198.51.100.93")).toBe("refused");
    expect(await errorCode(authenticateWithPassword({ email: user.email, password, ip: null, userAgent: "test" }))).toBe("LOCKED");
  });

  it("a revoked one left in a mail client, retried all day without 2SV, neither throttles nor locks its owner", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Old mail client" });
    const [row] = await listAppPasswords(user.id);
    await revokeAppPasswords({ userId: user.id, id: row!.id });
    await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, user.id));
    const email = user.email.toLowerCase();

    // Every few minutes for a day: far past the 5-per-15-minutes throttle and the 100-failure lock.
    for (let i = 0; i < maxConsecutivePasswordFailures + 5; i++) expect(await call(user.email, secret, "198.51.100.80")).toBe("refused");
    expect((await peekRateLimit({ key: `signin:failures:${email}` })).hits).toBe(0);
    expect((await peekRateLimit({ key: `signin:account:${email}` })).hits).toBe(0);
    await expect(authenticateWithPassword({ email: user.email, password, ip: "198.51.100.81", userAgent: "test" })).resolves.toBeTruthy();
    // Someone else's revoked app password is no pass for this address: it is a 16-letter guess like any other.
    const { user: other } = await makeUser({ twoStep: { recoveryKey: key } });
    expect(await call(other.email, secret, "198.51.100.82")).toBe("refused");
    expect((await peekRateLimit({ key: `signin:account:${other.email.toLowerCase()}` })).hits).toBe(1);
  });

  it("answer a missing or malformed header as missing, not as an error", async () => {
    expect((await authenticateBasic({ header: null, ip: null })).ok).toBe(false);
    expect(await authenticateBasic({ header: "Bearer abc", ip: null })).toEqual({ ok: false, reason: "missing" });
    expect(await authenticateBasic({ header: "Basic !!!", ip: null })).toEqual({ ok: false, reason: "missing" });
    expect(await authenticateBasic({ header: `Basic ${Buffer.from("no-colon").toString("base64")}`, ip: null })).toEqual({ ok: false, reason: "missing" });
  });

  it("the main password over the API shares the sign-in form's lock; a wrong app password does not add to it", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const secret = await createAppPassword({ user, label: "Mail" });
    const failures = async () => (await peekRateLimit({ key: `signin:failures:${user.email.toLowerCase()}` })).hits;
    // A stale app password in a mail client, retried all day: the address's count stays at zero.
    for (let i = 0; i < 2; i++) expect(await call(user.email, "aaaa-bbbb-cccc-dddd", `198.51.100.${60 + i}`)).toBe("refused");
    expect(await failures()).toBe(0);
    // Passwords are counted, 2SV or not (so the count says nothing about the account).
    expect(await call(user.email, "not-my-password-1", "198.51.100.70")).toBe("refused");
    expect(await failures()).toBe(1);

    await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, user.id));
    for (let i = 1; i < maxConsecutivePasswordFailures; i++) await hitRateLimit({ key: `signin:failures:${user.email.toLowerCase()}`, windowMs: 86_400_000 });
    // Locked (by the API's guesses, or the form's): the right main password is refused there too; app passwords work.
    // (The app password before the form: the form and the API share one throttle, and the form's try would be its sixth.)
    expect(await call(user.email, password, "198.51.100.71")).toBe("refused");
    expect(await call(user.email, secret, "198.51.100.72")).toBe("app_password");
    expect(await errorCode(authenticateWithPassword({ email: user.email, password, ip: null, userAgent: "test" }))).toBe("LOCKED");
  });
});
