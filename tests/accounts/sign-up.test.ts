import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events, rateLimits, sessions, signUpRequests, users } from "@/db/schema";
import { confirmSignUp } from "@/lib/accounts/confirm-sign-up";
import { requestSignUp, resendSignUpCode } from "@/lib/accounts/request-sign-up";
import { resendCooldownMs, signUpCodeTtlMs } from "@/lib/accounts/sign-up-policy";
import { verifyPassword } from "@/lib/auth/passwords";
import { env } from "@/lib/env";
import { listDevInbox } from "@/lib/messaging/list-dev-inbox";
import { setupTestDatabase } from "../helpers/test-db";

setupTestDatabase({ seed: "countries" });
// Codes are hashed (and emails sealed) under keys derived from the server secret.
process.env.AUTH_SECRET ??= "sign-up-tests-secret-sign-up-tests-secret";

const password = "Copper-Lantern-Harbor-4471";
const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));
const request = (email: string, ip: string | null = null, now = new Date()) =>
  requestSignUp({ name: "Test Person", email, password, country: "US", locale: "en", ip, now });
const confirm = (requestId: string, code: string, now = new Date()) => confirmSignUp({ requestId, code, ip: "203.0.113.7", userAgent: "vitest", now });

/** The six digits of the newest email to `email`, as its reader would copy them. */
async function emailedCode(email: string) {
  const [message] = await listDevInbox({ to: email });
  return message?.body?.match(/\b\d{6}\b/)?.[0] ?? null;
}

const usersWith = (email: string) => db.select().from(users).where(eq(users.email, email));

describe("signing up by emailed code", () => {
  it("creates nothing until the code comes back, then the account (address confirmed) and its first session", async () => {
    const { requestId } = await request("New.Person@Example.com");
    expect(await usersWith("new.person@example.com")).toHaveLength(0);

    const code = await emailedCode("new.person@example.com");
    expect(code).toMatch(/^\d{6}$/);
    const [stored] = await db.select().from(signUpRequests).where(eq(signUpRequests.id, requestId));
    // Neither the code nor the password is kept in clear.
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(JSON.stringify(stored)).not.toContain(password);

    const { user, sessionId } = await confirm(requestId, code!.replace(/(\d{3})/, "$1 "));
    expect(user).toMatchObject({ email: "new.person@example.com", name: "Test Person", countryCode: "US", locale: "en" });
    expect(await verifyPassword(user.passwordHash, password)).toBe(true);
    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session).toMatchObject({ userId: user.id, aal: 1, revokedAt: null });
    expect(await db.select().from(events).where(eq(events.userId, user.id))).toEqual([expect.objectContaining({ type: "account_created" })]);

    // Single use: the same code cannot make a second account or session.
    expect(await outcome(confirm(requestId, code!))).toBe("SIGN_UP_EXPIRED");
  });

  it("answers a taken email exactly as a new one, tells the owner by email, and no code can finish it", async () => {
    const first = await request("owner@example.com");
    await confirm(first.requestId, (await emailedCode("owner@example.com"))!);
    const [owner] = await usersWith("owner@example.com");

    const again = await request("owner@example.com");
    expect(Object.keys(again)).toEqual(Object.keys(first));
    const [notice] = await listDevInbox({ to: "owner@example.com" });
    expect(notice!.subject).toBe("Someone tried to create a Stepwise account with your email");
    expect(notice!.body).not.toMatch(/\b\d{6}\b/);

    // Whatever is guessed, the request ends after five tries and the account is untouched.
    for (let i = 0; i < 4; i++) expect(await outcome(confirm(again.requestId, String(100000 + i)))).toBe("WRONG_CODE");
    expect(await outcome(confirm(again.requestId, "100004"))).toBe("TOO_MANY_TRIES");
    expect(await usersWith("owner@example.com")).toEqual([owner]);
  });

  it("allows five tries per code, counted before the check, and a resend starts five more with a new code", async () => {
    const t0 = new Date();
    const { requestId } = await request("guesser@example.com", null, t0);
    const code = (await emailedCode("guesser@example.com"))!;
    const wrong = code === "000000" ? "111111" : "000000";
    const tries = await Promise.all(Array.from({ length: 7 }, () => outcome(confirm(requestId, wrong, t0))));
    expect(tries.filter((t) => t === "WRONG_CODE")).toHaveLength(4);
    // The right code after five tries is refused too.
    expect(await outcome(confirm(requestId, code, t0))).toBe("TOO_MANY_TRIES");

    // Too soon for a new code; then one arrives, and the old one no longer works.
    expect(await outcome(resendSignUpCode({ requestId, now: t0 }))).toBe("RESEND_WAIT");
    const t1 = new Date(t0.getTime() + resendCooldownMs);
    await resendSignUpCode({ requestId, now: t1 });
    const fresh = (await emailedCode("guesser@example.com"))!;
    if (fresh !== code) expect(await outcome(confirm(requestId, code, t1))).toBe("WRONG_CODE");
    expect(await outcome(confirm(requestId, fresh, t1))).toBe("ok");
  });

  it("expires a code after ten minutes and stops sending after three emails", async () => {
    const t0 = new Date();
    const { requestId } = await request("slow@example.com", null, t0);
    const code = (await emailedCode("slow@example.com"))!;
    expect(await outcome(confirm(requestId, code, new Date(t0.getTime() + signUpCodeTtlMs)))).toBe("SIGN_UP_EXPIRED");
    expect(await outcome(resendSignUpCode({ requestId, now: new Date(t0.getTime() + signUpCodeTtlMs) }))).toBe("SIGN_UP_EXPIRED");

    const t1 = new Date(t0.getTime() + resendCooldownMs);
    const t2 = new Date(t1.getTime() + resendCooldownMs);
    await resendSignUpCode({ requestId, now: t1 });
    await resendSignUpCode({ requestId, now: t2 });
    expect(await outcome(resendSignUpCode({ requestId, now: new Date(t2.getTime() + resendCooldownMs) }))).toBe("TOO_MANY_SENDS");
    expect(await listDevInbox({ to: "slow@example.com" })).toHaveLength(3);
  });

  it("keeps no request (and its password hash) once the account exists or the request has expired", async () => {
    const t0 = new Date();
    const done = await request("finished@example.com", null, t0);
    await confirm(done.requestId, (await emailedCode("finished@example.com"))!, t0);
    const stale = await request("abandoned@example.com", null, t0);
    const rows = () => db.select({ id: signUpRequests.id }).from(signUpRequests);
    expect((await rows()).map((r) => r.id)).not.toContain(done.requestId);
    expect((await rows()).map((r) => r.id)).toContain(stale.requestId);

    // The next sign-up after it expired clears it.
    await request("later@example.com", null, new Date(t0.getTime() + signUpCodeTtlMs));
    expect((await rows()).map((r) => r.id)).not.toContain(stale.requestId);
  });

  it("bounds guessing per address: twenty tries a day across all its requests, whoever asks and from where", async () => {
    const t0 = new Date();
    let last = "";
    for (let i = 0; i < 4; i++) {
      const { requestId } = await request("target@example.com", `192.0.2.${i}`, t0);
      last = requestId;
      for (let n = 0; n < 5; n++) await outcome(confirm(requestId, "000000", t0));
    }
    // Twenty tries used: even a fresh request's real code is refused until the day is over.
    const t1 = new Date(t0.getTime() + 1000);
    const fresh = await request("target@example.com", "192.0.2.99", t1);
    const code = (await emailedCode("target@example.com"))!;
    expect(await outcome(confirm(fresh.requestId, code, t1))).toBe("TOO_MANY_TRIES");
    expect(await usersWith("target@example.com")).toHaveLength(0);
    expect(last).not.toBe(fresh.requestId);
    // The counters do not hold the address itself.
    expect(JSON.stringify(await db.select().from(rateLimits))).not.toContain("target@example.com");
  });

  it("gives a request past the address's hourly emails no working code, and a request that lost the race no row", async () => {
    const t0 = new Date();
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await request("racer@example.com", `198.51.100.${20 + i}`, t0)).requestId);
    const [sixth] = await db.select().from(signUpRequests).where(eq(signUpRequests.id, ids[5]!));
    expect(sixth!.codeHash).toBeNull();

    // Two requests for one new address: the first code to come back wins; the other finds it taken and is gone.
    const a = await request("twice@example.com", null, t0);
    const codeA = (await emailedCode("twice@example.com"))!;
    const t1 = new Date(t0.getTime() + 1000);
    const b = await request("twice@example.com", null, t1);
    const codeB = (await emailedCode("twice@example.com"))!;
    expect(await outcome(confirm(b.requestId, codeB, t1))).toBe("ok");
    expect(await outcome(confirm(a.requestId, codeA, t0))).toBe("EMAIL_TAKEN");
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.id, a.requestId))).toHaveLength(0);
  });

  it("refuses a malformed or unknown request id without a database error", async () => {
    for (const id of ["", "not-a-uuid", "'; drop table users; --", "00000000-0000-4000-8000-000000000000"]) {
      expect(await outcome(confirm(id, "123456"))).toBe("SIGN_UP_EXPIRED");
      expect(await outcome(resendSignUpCode({ requestId: id }))).toBe("SIGN_UP_EXPIRED");
    }
  });

  it("sends one address at most five emails an hour, whoever asks, and still answers the same", async () => {
    const t0 = new Date();
    for (let i = 0; i < 7; i++) expect(await outcome(request("bombed@example.com", `198.51.100.${i}`, t0))).toBe("ok");
    expect(await listDevInbox({ to: "bombed@example.com" })).toHaveLength(5);
  });

  it("limits sign-ups per client address, taken emails included, so nobody can test emails (or make requests) in bulk", async () => {
    const ip = "203.0.113.9";
    const limit = env().SIGNUP_IP_LIMIT;
    const t0 = new Date();
    for (let i = 0; i < limit; i++) expect(await outcome(request(`bulk-${i % 3}@example.com`, ip, t0))).toBe("ok");
    expect(await outcome(request("second@example.com", ip, t0))).toBe("THROTTLED");
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.email, "second@example.com"))).toHaveLength(0);
    // Another address, or the same one an hour later, may sign up.
    expect(await outcome(request("second@example.com", "198.51.100.4", t0))).toBe("ok");
    expect(await outcome(request("third@example.com", ip, new Date(t0.getTime() + 61 * 60_000)))).toBe("ok");
  });

  it("refuses a weak password and an unknown country before anything is stored or sent", async () => {
    expect(await outcome(requestSignUp({ name: "Test Person", email: "weak@example.com", password: "password123", country: "US" }))).toBe("WEAK_PASSWORD");
    expect(await outcome(requestSignUp({ name: "Test Person", email: "weak@example.com", password, country: "ZZ" }))).toBe("UNKNOWN_COUNTRY");
    expect(await db.select().from(signUpRequests).where(eq(signUpRequests.email, "weak@example.com"))).toHaveLength(0);
    expect(await listDevInbox({ to: "weak@example.com" })).toHaveLength(0);
  });
});
