import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { outbox, sessions } from "@/db/schema";
import { answerAttemptsLimit } from "@/lib/account-changes/check-security-answers";
import { authenticateWithPassword, maxConsecutivePasswordFailures } from "@/lib/auth/authenticate-with-password";
import { verifyPassword } from "@/lib/auth/passwords";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import { resetLinksPerAccount, resetLinkTtlMs } from "@/lib/recovery/recovery-policy";
import { readPasswordResetLink } from "@/lib/recovery/reset-link";
import { requestPasswordReset } from "@/lib/recovery/request-password-reset";
import { resetPasswordWithEmailLink } from "@/lib/recovery/reset-password-with-email-link";
import { setupTestDatabase } from "../helpers/test-db";
import { answers, at, errorCode, makeUser, messagesTo, minutes, openSession, password, reload } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const newPassword = "Quiet-Harbor-Violet-3318";
const tokenIn = (text: string) => text.match(/\/reset\?token=([A-Za-z0-9_.-]+)/)?.[1] ?? "";

async function linkFor(email: string, now = new Date()) {
  await requestPasswordReset({ email, ip: null, now });
  const [mail] = await messagesTo(email);
  return tokenIn(mail?.text ?? "");
}

describe("reset by email (2SV off)", () => {
  it("queues a one-hour link for an account without 2SV; sends nothing for an unknown address; no link with 2SV on", async () => {
    const { user } = await makeUser({ questions: true });
    const token = await linkFor(user.email);
    expect(token).not.toBe("");
    const [mail] = await messagesTo(user.email);
    expect(mail).toMatchObject({ subject: "Reset your Stepwise password", status: "pending" });

    const before = (await db.select().from(outbox)).length;
    await expect(requestPasswordReset({ email: "nobody-here@example.com", ip: null })).resolves.toBeUndefined();
    expect((await db.select().from(outbox)).length).toBe(before);

    const { user: enrolled } = await makeUser({ twoStep: { recoveryKey: "7KQ2M9XD4TRBHW" } });
    await requestPasswordReset({ email: enrolled.email, ip: null });
    const [told] = await messagesTo(enrolled.email);
    expect(told?.subject).toBe("About resetting your Stepwise password");
    expect(told?.text).not.toMatch(/token=/);
  });

  it("with `defer` (the web action), known and unknown addresses leave the same work for after the answer", async () => {
    const { user } = await makeUser({ questions: true });
    const deferred: (() => Promise<void>)[] = [];
    const before = (await db.select().from(outbox)).length;
    for (const email of [user.email, "nobody-here@example.com"]) {
      await requestPasswordReset({ email, ip: "198.51.100.23", defer: (work) => deferred.push(work) });
    }
    // Nothing was looked up or queued while the request waited: both left one job behind.
    expect(deferred).toHaveLength(2);
    expect((await db.select().from(outbox)).length).toBe(before);
    for (const work of deferred) await work();
    expect((await db.select().from(outbox)).length).toBe(before + 1);
    expect((await messagesTo(user.email))[0]?.subject).toBe("Reset your Stepwise password");
  });

  it("the link AND the three answers reset the password; the link then stops working", async () => {
    const { user } = await makeUser({ questions: true });
    const live = await openSession(user);
    const token = await linkFor(user.email);

    expect(await errorCode(resetPasswordWithEmailLink({ token, answers: { ...answers, 2: "wrong street" }, newPassword }))).toBe("WRONG_ANSWERS");
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers: {}, newPassword }))).toBe("WRONG_ANSWERS");
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers, newPassword: "letmein" }))).toBe("WEAK_PASSWORD");
    expect((await reload(user)).passwordHash).toBe(user.passwordHash);

    await resetPasswordWithEmailLink({ token, answers, newPassword });
    const after = await reload(user);
    expect(await verifyPassword(after.passwordHash, newPassword)).toBe(true);
    expect(after.passwordChangedAt).toBeInstanceOf(Date);
    expect((await db.select().from(sessions).where(eq(sessions.id, live)))[0]?.revokedAt).toBeInstanceOf(Date);
    expect((await messagesTo(user.email))[0]?.subject).toBe("Your Stepwise password was reset");

    expect(await readPasswordResetLink(token)).toBeNull();
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers, newPassword: "Another-Long-Phrase-9931" }))).toBe("LINK_INVALID");
  });

  it("a reset lifts the lock that 100 wrong passwords in a row put on the address", async () => {
    const { user } = await makeUser({ questions: true });
    const key = `signin:failures:${user.email.toLowerCase()}`;
    for (let i = 0; i < maxConsecutivePasswordFailures; i++) await hitRateLimit({ key, windowMs: 365 * 24 * 3_600_000 });
    // Locked: the right password is refused.
    expect(await errorCode(authenticateWithPassword({ email: user.email, password, ip: null, userAgent: "test" }))).toBe("LOCKED");

    await resetPasswordWithEmailLink({ token: await linkFor(user.email), answers, newPassword });
    expect((await peekRateLimit({ key })).hits).toBe(0);
    await expect(authenticateWithPassword({ email: user.email, password: newPassword, ip: null, userAgent: "test" })).resolves.toMatchObject({ user: { id: user.id } });
  });

  it("a link expires after one hour and cannot be tampered with", async () => {
    const t0 = new Date();
    const { user } = await makeUser({ questions: true });
    const token = await linkFor(user.email, t0);
    expect(await readPasswordResetLink(token, at(t0, resetLinkTtlMs - 1000))).not.toBeNull();
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers, newPassword, now: at(t0, resetLinkTtlMs + 1000) }))).toBe("LINK_INVALID");
    const [body, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, "base64url").toString()), x: Date.now() + 1e9 })).toString("base64url");
    expect(await readPasswordResetLink(`${forged}.${sig}`)).toBeNull();
  });

  it(`throttles wrong answers: the ${answerAttemptsLimit}th wrong set stops further tries for the window`, async () => {
    const t0 = new Date();
    const { user } = await makeUser({ questions: true });
    const token = await linkFor(user.email, t0);
    const codes = [];
    for (let i = 0; i < answerAttemptsLimit; i++) codes.push(await errorCode(resetPasswordWithEmailLink({ token, answers: { 1: "x", 2: "y", 3: "z" }, newPassword, now: at(t0, i * 1000) })));
    expect(codes).toEqual([...Array(answerAttemptsLimit - 1).fill("WRONG_ANSWERS"), "THROTTLED"]);
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers, newPassword, now: at(t0, minutes(1)) }))).toBe("THROTTLED");
    expect((await reload(user)).passwordHash).toBe(user.passwordHash);
    await resetPasswordWithEmailLink({ token, answers, newPassword, now: at(t0, minutes(16)) });
  });

  it("an account that never set questions is reset with the link alone", async () => {
    const { user } = await makeUser();
    const token = await linkFor(user.email);
    expect((await readPasswordResetLink(token))?.hasQuestions).toBe(false);
    await resetPasswordWithEmailLink({ token, answers: {}, newPassword });
    expect(await verifyPassword((await reload(user)).passwordHash, newPassword)).toBe(true);
  });

  it(`sends at most ${resetLinksPerAccount} links an hour to one address, and the screen never tells`, async () => {
    const { user } = await makeUser();
    const t0 = new Date();
    for (let i = 0; i < resetLinksPerAccount + 2; i++) await expect(requestPasswordReset({ email: user.email, ip: null, now: at(t0, i * 1000) })).resolves.toBeUndefined();
    expect(await messagesTo(user.email)).toHaveLength(resetLinksPerAccount);
  });
});
