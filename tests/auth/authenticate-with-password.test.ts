import { afterAll, describe, expect, it, vi } from "vitest";

// lib/env.ts caches env() on first read, and nothing reads it until the first sign-in below: set the limits
// for this file before any import can run. Account limit stays at its default (5) on purpose.
const savedEnv = vi.hoisted(() => {
  const saved = {
    SIGNIN_IP_LIMIT: process.env.SIGNIN_IP_LIMIT,
    SIGNIN_ACCOUNT_LIMIT: process.env.SIGNIN_ACCOUNT_LIMIT,
    SIGNIN_WINDOW_MINUTES: process.env.SIGNIN_WINDOW_MINUTES,
  };
  process.env.SIGNIN_IP_LIMIT = "12";
  delete process.env.SIGNIN_ACCOUNT_LIMIT;
  delete process.env.SIGNIN_WINDOW_MINUTES;
  // Device tokens are stored as keyed hashes (remembered-browser test below).
  process.env.AUTH_SECRET ??= "auth-tests-secret-auth-tests-secret-000";
  return saved;
});

import { eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import { demoAccounts, demoPassword } from "@/db/seed-data";
import { authenticateWithPassword, clearPasswordFailures, maxConsecutivePasswordFailures } from "@/lib/auth/authenticate-with-password";
import { hashPassword } from "@/lib/auth/passwords";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { revokeTrustedDevice, trustDevice } from "@/lib/two-step/trusted-devices";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: "demo" });

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const minute = 60_000;
const t0 = new Date("2030-06-01T09:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const userAgent = "Vitest/4 (test)";

let ipCounter = 0;
/** A fresh documentation-range address per test, so the per-IP counter of one test never leaks into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function createUser(email: string, password: string) {
  const [user] = await testDb()
    .db.insert(users)
    .values({ email, name: "Test Person", countryCode: "US", passwordHash: await hashPassword(password) })
    .returning();
  return user!;
}

/** The AppError a sign-in attempt throws (fails the test if it succeeds or throws anything else). */
async function failure(input: Parameters<typeof authenticateWithPassword>[0]) {
  const error = await authenticateWithPassword(input).then(
    (ok) => new Error(`expected a failure, signed in as ${ok.user.email}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const sessionsOf = (userId: string) => testDb().db.select().from(sessions).where(eq(sessions.userId, userId));

describe("authenticateWithPassword", () => {
  it("reads the limits set for this file (guards the env setup above)", () => {
    expect(env()).toMatchObject({ SIGNIN_ACCOUNT_LIMIT: 5, SIGNIN_IP_LIMIT: 12, SIGNIN_WINDOW_MINUTES: 15 });
  });

  it("signs a demo account in with the right password and records a session row", async () => {
    const ana = demoAccounts[0]!;
    const ip = freshIp();
    const result = await authenticateWithPassword({ email: ana.email, password: demoPassword, ip, userAgent, now: t0 });

    expect(result.user).toMatchObject({ email: ana.email, name: ana.name, role: ana.role });
    const rows = await sessionsOf(result.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: result.sessionId, userId: result.user.id, userAgent, ip, revokedAt: null });
  });

  it("refuses a wrong password and an unknown email with the same INVALID_CREDENTIALS error", async () => {
    const ip = freshIp();
    const wrong = await failure({ email: demoAccounts[1]!.email, password: "not-the-password", ip, userAgent, now: t0 });
    const unknown = await failure({ email: "nobody@example.com", password: demoPassword, ip, userAgent, now: t0 });
    expect(wrong.code).toBe("INVALID_CREDENTIALS");
    expect(unknown.code).toBe("INVALID_CREDENTIALS");
    // Nothing in the error tells the two apart.
    expect(unknown.details).toEqual(wrong.details);
    expect(unknown.message).toBe(wrong.message);
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const viewer = demoAccounts.find((a) => a.role === "viewer")!;
    const result = await authenticateWithPassword({
      email: `  ${viewer.email.toUpperCase()} `,
      password: demoPassword,
      ip: freshIp(),
      userAgent,
      now: t0,
    });
    expect(result.user.email).toBe(viewer.email);
  });

  it("throttles an account after 5 failures, even with the right password, until the window ends", async () => {
    const email = "throttle-me@example.com";
    const user = await createUser(email, "right-password-123");
    const ip = freshIp();

    for (let i = 0; i < 4; i++) {
      const error = await failure({ email, password: `wrong-${i}`, ip, userAgent, now: at(i * minute) });
      expect(error.code).toBe("INVALID_CREDENTIALS");
    }
    // The attempt that reaches the limit already says when to come back: 15 minutes after the first failure.
    const fifth = await failure({ email, password: "wrong-4", ip, userAgent, now: at(4 * minute) });
    expect(fifth.code).toBe("THROTTLED");
    expect(fifth.details.retryAt).toBe(at(15 * minute).toISOString());

    // Right password, still inside the window (and from another address): refused, no session opened.
    const blocked = await failure({ email, password: "right-password-123", ip: freshIp(), userAgent, now: at(14 * minute) });
    expect(blocked.code).toBe("THROTTLED");
    expect(blocked.details.retryAt).toBe(at(15 * minute).toISOString());
    expect(await sessionsOf(user.id)).toHaveLength(0);

    // Once the window has passed the right password works again.
    const result = await authenticateWithPassword({ email, password: "right-password-123", ip, userAgent, now: at(15 * minute) });
    expect(result.user.id).toBe(user.id);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });

  it("wrong passwords in the owner's name do not throttle the owner's trusted browser, which has a bucket of its own", async () => {
    const email = "throttled-by-a-stranger@example.com";
    const user = await createUser(email, "right-password-123");
    await trustDevice({ userId: user.id, token: "owners-usual-browser-token-01", userAgent, now: t0 });
    // A stranger spends the address's tries from wherever they are.
    for (let i = 0; i < 6; i++) await failure({ email, password: `guess-${i}`, ip: freshIp(), userAgent, now: at(i * 1000) });
    const attempt = (password: string, deviceToken: string | null) => ({ email, password, ip: freshIp(), userAgent, deviceToken, now: at(minute) });

    // Any other browser is throttled, right password or not; a made-up or revoked device cookie is just another browser.
    expect((await failure(attempt("right-password-123", null))).code).toBe("THROTTLED");
    expect((await failure(attempt("right-password-123", "made-up-device-token-000002"))).code).toBe("THROTTLED");
    // The owner's own browser signs in.
    expect((await authenticateWithPassword(attempt("right-password-123", "owners-usual-browser-token-01"))).user.id).toBe(user.id);

    // That bucket has the address's limit (the sign-in above emptied it): a stolen device cookie cannot guess without end.
    const viaCookie = [];
    for (let i = 0; i < 6; i++) viaCookie.push((await failure({ ...attempt(`cookie-guess-${i}`, "owners-usual-browser-token-01"), now: at(3 * minute) })).code);
    expect(viaCookie).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "THROTTLED", "THROTTLED"]);

    // A browser the owner revoked is any other browser again.
    const laptop = await trustDevice({ userId: user.id, token: "owners-old-laptop-token-0003", userAgent, now: t0 });
    await revokeTrustedDevice({ userId: user.id, deviceId: laptop.id });
    expect((await failure({ ...attempt("right-password-123", "owners-old-laptop-token-0003"), now: at(4 * minute) })).code).toBe("THROTTLED");
  });

  it("counts failures for differently-cased spellings of one email on the same account", async () => {
    const email = "casey@example.com";
    await createUser(email, "right-password-123");
    const ip = freshIp();
    const spellings = ["casey@example.com", "CASEY@example.com", "Casey@Example.com", " casey@EXAMPLE.COM", "cAsEy@example.com"];
    const codes = [];
    for (const spelling of spellings) codes.push((await failure({ email: spelling, password: "nope", ip, userAgent, now: t0 })).code);
    expect(codes).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "INVALID_CREDENTIALS", "THROTTLED"]);
  });

  it("throttles unknown emails exactly like real ones, so throttling does not reveal which accounts exist", async () => {
    const ip = freshIp();
    const codes = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await failure({ email: "ghost@example.com", password: "whatever", ip, userAgent, now: t0 })).code);
    }
    expect(codes).toEqual([...Array(4).fill("INVALID_CREDENTIALS"), "THROTTLED", "THROTTLED"]);
  });

  it("clears the account's failure count after a successful sign-in", async () => {
    const email = "forgetful@example.com";
    await createUser(email, "right-password-123");
    const ip = freshIp();
    const tryWrong = async () => (await failure({ email, password: "wrong", ip, userAgent, now: t0 })).code;

    for (let i = 0; i < 4; i++) expect(await tryWrong()).toBe("INVALID_CREDENTIALS");
    await authenticateWithPassword({ email, password: "right-password-123", ip, userAgent, now: t0 });
    // Without the reset the very next failure would be the 5th and throttle.
    for (let i = 0; i < 4; i++) expect(await tryWrong()).toBe("INVALID_CREDENTIALS");
    expect(await tryWrong()).toBe("THROTTLED");
  });

  it("throttles one address that fails across many different accounts (per-IP limit, 12 here)", async () => {
    const ip = freshIp();
    const codes = [];
    for (let i = 0; i < 12; i++) {
      codes.push((await failure({ email: `spray-${i}@example.com`, password: "Summer2030!", ip, userAgent, now: at(i * 1000) })).code);
    }
    expect(codes).toEqual([...Array(11).fill("INVALID_CREDENTIALS"), "THROTTLED"]);

    // Every account saw a single failure only; the address is what is blocked — even for a right password.
    const operator = demoAccounts.find((a) => a.role === "operator")!;
    const blocked = await failure({ email: operator.email, password: demoPassword, ip, userAgent, now: at(minute) });
    expect(blocked.code).toBe("THROTTLED");
    expect(blocked.details.retryAt).toBe(at(15 * minute).toISOString());

    // The same account from another address is fine, and so is this address once the window has passed.
    await expect(
      authenticateWithPassword({ email: operator.email, password: demoPassword, ip: freshIp(), userAgent, now: at(minute) }),
    ).resolves.toMatchObject({ user: { email: operator.email } });
    await expect(
      authenticateWithPassword({ email: operator.email, password: demoPassword, ip, userAgent, now: at(15 * minute) }),
    ).resolves.toMatchObject({ user: { email: operator.email } });
  });

  it("counts an IPv6 client by its /64: rotating addresses inside it does not escape the per-IP limit", async () => {
    // Twelve failures from twelve addresses of one /64, each spelt its own way, as a client with a /64 would send them.
    const codes = [];
    for (let i = 0; i < 12; i++) {
      const ip = `2001:db8:5:6:${(i + 1).toString(16)}:${i % 2 ? "ABCD" : "0"}::${i + 1}`;
      codes.push((await failure({ email: `rotate-${i}@example.com`, password: "Summer2030!", ip, userAgent, now: at(i * 1000) })).code);
    }
    expect(codes).toEqual([...Array(11).fill("INVALID_CREDENTIALS"), "THROTTLED"]);
    const operator = demoAccounts.find((a) => a.role === "operator")!;
    const signIn = (ip: string, now: Date) => authenticateWithPassword({ email: operator.email, password: demoPassword, ip, userAgent, now });
    expect((await failure({ email: operator.email, password: demoPassword, ip: "2001:db8:5:6:ffff::1", userAgent, now: at(minute) })).code).toBe("THROTTLED");
    // The next /64 is another client; and once the window has passed, the session keeps the full address it came from.
    await expect(signIn("2001:db8:5:7::1", at(minute))).resolves.toMatchObject({ user: { email: operator.email } });
    const { sessionId, user } = await signIn("2001:db8:5:6:ffff::1", at(15 * minute));
    expect((await sessionsOf(user.id)).find((row) => row.id === sessionId)?.ip).toBe("2001:db8:5:6:ffff::1");
  });

  it("does not count an unknown client address against any shared per-IP bucket", async () => {
    // ip: null (no trusted address) must not throttle every address-less caller together.
    for (let i = 0; i < 13; i++) {
      const error = await failure({ email: `no-ip-${i}@example.com`, password: "x", ip: null, userAgent, now: t0 });
      expect(error.code).toBe("INVALID_CREDENTIALS");
    }
  });

  it("gives a right password's hit back to its address: only failures count toward the per-IP limit", async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) await failure({ email: `refund-${i}@example.com`, password: "nope", ip, userAgent, now: t0 });
    const operator = demoAccounts.find((a) => a.role === "operator")!;
    await authenticateWithPassword({ email: operator.email, password: demoPassword, ip, userAgent, now: t0 });
    // Counted without the refund, this would be the 12th hit and throttle.
    expect((await failure({ email: "refund-x@example.com", password: "nope", ip, userAgent, now: t0 })).code).toBe("INVALID_CREDENTIALS");
  });

  it("skips the second step only on a browser remembered within its 30 days, still trusted, on an account with 2SV", async () => {
    const email = "remembered@example.com";
    const user = await createUser(email, "right-password-123");
    await testDb().db.update(users).set({ twoStepEnabledAt: t0 }).where(eq(users.id, user.id));
    const device = await trustDevice({ userId: user.id, token: "remembered-browser-token-0001", userAgent, remember: true, now: t0 });
    const signIn = async (deviceToken: string | null, now: Date) => {
      const { sessionId, pendingSecondStep } = await authenticateWithPassword({ email, password: "right-password-123", ip: freshIp(), userAgent, deviceToken, now });
      const row = (await sessionsOf(user.id)).find((s) => s.id === sessionId)!;
      return { pendingSecondStep, aal: row.aal, deviceId: row.deviceId };
    };

    expect(await signIn("remembered-browser-token-0001", at(minute))).toEqual({ pendingSecondStep: false, aal: 2, deviceId: device.id });
    expect(await signIn("another-browser-token-0002", at(minute))).toEqual({ pendingSecondStep: true, aal: 1, deviceId: null });
    expect(await signIn(null, at(minute))).toEqual({ pendingSecondStep: true, aal: 1, deviceId: null });
    expect(await signIn("remembered-browser-token-0001", at(31 * 24 * 60 * minute))).toEqual({ pendingSecondStep: true, aal: 1, deviceId: null });

    await revokeTrustedDevice({ userId: user.id, deviceId: device.id });
    expect(await signIn("remembered-browser-token-0001", at(2 * minute))).toEqual({ pendingSecondStep: true, aal: 1, deviceId: null });

    // With 2SV off there is no second step to skip: the session is an ordinary aal 1 one, not tied to the device.
    const other = await trustDevice({ userId: user.id, token: "remembered-browser-token-0003", userAgent, remember: true, now: t0 });
    await testDb().db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, user.id));
    expect(other.rememberUntil).not.toBeNull();
    expect(await signIn("remembered-browser-token-0003", at(minute))).toEqual({ pendingSecondStep: false, aal: 1, deviceId: null });
  });

  describe(`the lock after ${maxConsecutivePasswordFailures} wrong passwords in a row (NIST SP 800-63B rev 4 §3.2.2)`, () => {
    const wrong = (email: string, now: Date) => failure({ email, password: "not-the-password", ip: freshIp(), userAgent, now });
    // The counter as the database holds it; filled directly where a test needs it full without 99 argon2id checks.
    const failures = (email: string, now: Date) => peekRateLimit({ key: `signin:failures:${email}`, now });
    const fill = async (email: string, hits: number) => {
      for (let i = 0; i < hits; i++) await hitRateLimit({ key: `signin:failures:${email}`, windowMs: 365 * 24 * 60 * minute, now: t0 });
    };

    it("locks the address at the 100th, however slowly tried: then even the right password is refused, until a reset", async () => {
      const email = "locked-out@example.com";
      const user = await createUser(email, "right-password-123");
      // Four tries every 16 minutes stays under the throttle (5 per 15 minutes): 100 tries take under seven hours.
      const codes: string[] = [];
      for (let i = 0; i < maxConsecutivePasswordFailures; i++) codes.push((await wrong(email, at(Math.floor(i / 4) * 16 * minute + (i % 4) * minute))).code);
      expect(codes.slice(0, -1).every((c) => c === "INVALID_CREDENTIALS")).toBe(true);
      expect(codes.at(-1)).toBe("LOCKED");

      const days = (n: number) => at(n * 24 * 60 * minute);
      expect((await failure({ email, password: "right-password-123", ip: freshIp(), userAgent, now: days(3) })).code).toBe("LOCKED");
      expect(await sessionsOf(user.id)).toEqual([]);
      expect((await failures(email, days(3))).hits).toBe(maxConsecutivePasswordFailures);

      await clearPasswordFailures(email);
      const { sessionId } = await authenticateWithPassword({ email, password: "right-password-123", ip: freshIp(), userAgent, now: days(3) });
      expect((await sessionsOf(user.id)).map((s) => s.id)).toEqual([sessionId]);
    }, 60_000);

    it("an unknown address locks the same way (it tells nothing), and a right password before the cap forgives the count", async () => {
      await fill("nobody-at-all@example.com", maxConsecutivePasswordFailures - 1);
      expect((await wrong("nobody-at-all@example.com", at(minute))).code).toBe("LOCKED");

      const email = "forgiven@example.com";
      await createUser(email, "right-password-123");
      await fill(email, maxConsecutivePasswordFailures - 1);
      await authenticateWithPassword({ email, password: "right-password-123", ip: freshIp(), userAgent, now: at(minute) });
      expect((await failures(email, at(minute))).hits).toBe(0);
      expect((await wrong(email, at(2 * minute))).code).toBe("INVALID_CREDENTIALS");
    });

    it("does not shut the owner out of their own trusted browsers: there the right password still works", async () => {
      const email = "trusted-at-lock@example.com";
      const user = await createUser(email, "right-password-123");
      await testDb().db.update(users).set({ twoStepEnabledAt: t0 }).where(eq(users.id, user.id));
      await trustDevice({ userId: user.id, token: "owners-own-browser-token-0001", userAgent, now: t0 });
      await fill(email, maxConsecutivePasswordFailures);
      const from = (deviceToken: string | null) => ({ email, password: "right-password-123", ip: freshIp(), userAgent, deviceToken, now: at(minute) });
      expect((await failure(from("a-strangers-browser-token-0002"))).code).toBe("LOCKED");
      expect((await failure(from(null))).code).toBe("LOCKED");
      // The owner's browser signs in (still owing the second step), and that clears the count.
      expect(await authenticateWithPassword(from("owners-own-browser-token-0001"))).toMatchObject({ pendingSecondStep: true });
      expect((await failures(email, at(minute))).hits).toBe(0);
    });

    it("counts only the tries the throttle let through, so a burst cannot lock an account in a minute", async () => {
      const email = "burst@example.com";
      await createUser(email, "right-password-123");
      const codes = [];
      for (let i = 0; i < 20; i++) codes.push((await wrong(email, at(i * 1000))).code);
      // Five were checked (the fifth already says when to come back), fifteen refused unchecked.
      expect(codes.filter((c) => c === "INVALID_CREDENTIALS")).toHaveLength(env().SIGNIN_ACCOUNT_LIMIT - 1);
      expect((await failures(email, at(minute))).hits).toBe(env().SIGNIN_ACCOUNT_LIMIT);
    });
  });
});
