import { execFileSync } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { authenticatorApps, dailyRollups, events, secondFactorLockouts, users } from "@/db/schema";
import { totpKey } from "@/lib/crypto/totp-key";
import { confirmAuthenticator } from "@/lib/two-step/totp/confirm-authenticator";
import { startAuthenticatorSetup } from "@/lib/two-step/totp/start-authenticator-setup";
import { totpCodeAt } from "@/lib/two-step/totp/totp-rules";
import { verifyHeldCode } from "@/lib/two-step/verify-held-code";
import { setupTestDatabase } from "../helpers/test-db";
import { at, errorCode, makeUser } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const t0 = new Date("2026-03-01T12:00:10Z");
const seconds = (n: number) => n * 1000;

/** A 2SV account with a confirmed authenticator app; returns the Base32 secret the app holds. */
async function withAuthenticator(now = t0) {
  const { user } = await makeUser({ twoStep: { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" } });
  const setup = await startAuthenticatorSetup({ userId: user.id, account: user.email, now });
  await confirmAuthenticator({ userId: user.id, setupId: setup.setupId, code: await totpCodeAt(setup.secret, now), now });
  return { user, secret: setup.secret };
}
const check = (userId: string, code: string, now: Date) => errorCode(verifyHeldCode({ userId, purpose: "sign_in", method: "totp", code, now }));

describe("TOTP codes (RFC 6238)", () => {
  it("match the RFC 6238 Appendix B vectors for SHA-1", async () => {
    const secret = new TextEncoder().encode("12345678901234567890");
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [time, expected] of vectors) {
      expect(await totpCodeAt(secret, new Date(time * 1000), 8)).toBe(expected);
      // Six digits are the same truncation modulo 10^6: the last six of the 8-digit vector.
      expect(await totpCodeAt(secret, new Date(time * 1000))).toBe(expected.slice(2));
    }
  });

  it("accepts a code computed by an independent implementation (Debian's oathtool)", async () => {
    const { user, secret } = await withAuthenticator();
    const when = at(t0, seconds(95));
    const code = execFileSync("oathtool", ["--totp=SHA1", "--digits=6", "--time-step-size=30s", "--base32", secret, "--now", when.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")], {
      encoding: "utf8",
    }).trim();
    expect(code).toMatch(/^\d{6}$/);
    expect(await check(user.id, code, when)).toBe("resolved");
  });

  it("accepts ±1 step and refuses ±2 steps, by the server's clock", async () => {
    const { user, secret } = await withAuthenticator();
    const now = at(t0, seconds(300));
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(60))), now)).toBe("WRONG_HELD_CODE");
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(-60))), now)).toBe("WRONG_HELD_CODE");
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(-30))), now)).toBe("resolved");
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(30))), now)).toBe("resolved");
  });

  it("accepts each code once: a replay inside its window is refused, and so is an older step", async () => {
    const { user, secret } = await withAuthenticator();
    const now = at(t0, seconds(600));
    const code = await totpCodeAt(secret, now);
    expect(await check(user.id, code, now)).toBe("resolved");
    expect(await check(user.id, code, at(now, seconds(5)))).toBe("CODE_USED");
    // The previous step's code is still inside ±1 but older than the one just used.
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(-30))), at(now, seconds(5)))).toBe("CODE_USED");
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(30))), at(now, seconds(30)))).toBe("resolved");
  });

  it("refuses concurrent submits of one code except one", async () => {
    const { user, secret } = await withAuthenticator();
    const now = at(t0, seconds(900));
    const code = await totpCodeAt(secret, now);
    const results = await Promise.all(Array.from({ length: 8 }, () => check(user.id, code, now)));
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
  });

  it("counts wrong codes toward the account's limit: after 5 the account waits", async () => {
    const { user, secret } = await withAuthenticator();
    const now = at(t0, seconds(1200));
    for (let i = 0; i < 5; i++) expect(await check(user.id, "000000", now)).toBe("WRONG_HELD_CODE");
    expect(await check(user.id, await totpCodeAt(secret, now), now)).toBe("LOCKED");
    expect(await check(user.id, await totpCodeAt(secret, at(now, seconds(31))), at(now, seconds(31)))).toBe("resolved");
    const outcomes = await db.select({ type: events.type, method: events.method }).from(events).where(eq(events.userId, user.id));
    expect(outcomes.filter((e) => e.type === "challenge_failed" && e.method === "totp")).toHaveLength(5);
    expect(outcomes.filter((e) => e.type === "challenge_passed" && e.method === "totp")).toHaveLength(1);
  });

  it("a passed code clears the account's failures, is remembered as the method and is counted once", async () => {
    const { user, secret } = await withAuthenticator();
    const now = at(t0, seconds(1500));
    for (let i = 0; i < 3; i++) expect(await check(user.id, "000000", now)).toBe("WRONG_HELD_CODE");
    expect(await check(user.id, await totpCodeAt(secret, now), now)).toBe("resolved");
    const [lockout] = await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id));
    expect(lockout).toMatchObject({ consecutiveFailures: 0, blockedUntil: null });
    const [account] = await db.select({ last: users.lastSecondFactor }).from(users).where(eq(users.id, user.id));
    expect(account!.last).toBe("totp");
    const passed = await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "challenge_passed")));
    expect(passed).toMatchObject([{ method: "totp", detail: "sign_in", countryCode: user.countryCode }]);
    const [rollup] = await db
      .select({ count: dailyRollups.count })
      .from(dailyRollups)
      .where(and(eq(dailyRollups.day, "2026-03-01"), eq(dailyRollups.countryCode, user.countryCode), eq(dailyRollups.metric, "challenge_passed"), eq(dailyRollups.method, "totp")));
    expect(rollup!.count).toBeGreaterThanOrEqual(1);
  });

  it("refuses a right code while the account is locked for good, and takes nothing from it", async () => {
    const { user, secret } = await withAuthenticator();
    const now = at(t0, seconds(1800));
    await db.insert(secondFactorLockouts).values({ userId: user.id, consecutiveFailures: 100 }).onConflictDoUpdate({ target: secondFactorLockouts.userId, set: { consecutiveFailures: 100 } });
    expect(await check(user.id, await totpCodeAt(secret, now), now)).toBe("LOCKED");
    const [app] = await db.select({ step: authenticatorApps.lastUsedStep }).from(authenticatorApps).where(eq(authenticatorApps.userId, user.id));
    expect(app!.step).toBe(Math.floor(t0.getTime() / 30_000));
  });

  it("keeps only a sealed secret in the database", async () => {
    const { user, secret } = await withAuthenticator();
    const rows = await db.select().from(authenticatorApps).where(eq(authenticatorApps.userId, user.id));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret);
    expect(dump.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(rows[0]!.sealedSecret.split(".")).toHaveLength(3);
  });

  it("an unconfirmed secret counts for nothing, and confirming a new app retires the old one", async () => {
    const { user, secret: old } = await withAuthenticator();
    const later = at(t0, seconds(1500));
    const next = await startAuthenticatorSetup({ userId: user.id, account: user.email, now: later });
    // Until the new one is confirmed, the old app still works and the new one does not.
    expect(await check(user.id, await totpCodeAt(next.secret, later), later)).toBe("WRONG_HELD_CODE");
    expect(await check(user.id, await totpCodeAt(old, later), later)).toBe("resolved");
    expect(await errorCode(confirmAuthenticator({ userId: user.id, setupId: next.setupId, code: "123456", now: at(later, seconds(30)) }))).toBe("WRONG_CODE");
    await confirmAuthenticator({ userId: user.id, setupId: next.setupId, code: await totpCodeAt(next.secret, at(later, seconds(30))), now: at(later, seconds(30)) });
    expect(await check(user.id, await totpCodeAt(old, at(later, seconds(60))), at(later, seconds(60)))).toBe("WRONG_HELD_CODE");
    expect(await db.select().from(authenticatorApps).where(eq(authenticatorApps.userId, user.id))).toHaveLength(1);
  });
});

describe("TOTP_ENCRYPTION_KEY", () => {
  it("is required in production, with a message saying how to make one", () => {
    expect(() => totpKey({ NODE_ENV: "production" })).toThrow(/TOTP_ENCRYPTION_KEY is not set.*openssl rand -base64 32/);
    expect(() => totpKey({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: "short" })).toThrow(/must be 32 bytes/);
    expect(totpKey({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: "a".repeat(64) })).toHaveLength(32);
    expect(totpKey({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toEqual(Buffer.alloc(32, 7));
  });
});
