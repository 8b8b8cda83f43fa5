import { describe, expect, it, vi } from "vitest";

// Count every password check without changing what it does.
vi.mock("@/lib/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/passwords")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), verifyAgainstDummy: vi.fn(real.verifyAgainstDummy) };
});

import { users } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { env } from "@/lib/env";
import { setupTestDatabase } from "../helpers/test-db";

const testDb = setupTestDatabase({ seed: "countries" });

const passwordChecks = () => vi.mocked(verifyPassword).mock.calls.length + vi.mocked(verifyAgainstDummy).mock.calls.length;

describe("sign-in throttling under concurrent attempts", () => {
  it("checks no more passwords sequentially than the account limit allows (control)", async () => {
    const email = "sequential@example.com";
    await testDb().db.insert(users).values({ email, name: "S", countryCode: "US", passwordHash: await hashPassword("right-password-123") });
    const now = new Date("2030-01-01T00:00:00Z");
    const before = passwordChecks();
    for (let i = 0; i < 20; i++) {
      await authenticateWithPassword({ email, password: `wrong-${i}`, ip: null, userAgent: "x", now }).catch(() => {});
    }
    expect(passwordChecks() - before).toBe(env().SIGNIN_ACCOUNT_LIMIT);
  });

  // Regression: the limit used to be peeked before the password check and counted after it, so 20 parallel
  // guesses all got their password checked (and a right one among them signed in).
  it("checks at most SIGNIN_ACCOUNT_LIMIT passwords when 20 guesses arrive at once", async () => {
    const email = "parallel@example.com";
    await testDb().db.insert(users).values({ email, name: "P", countryCode: "US", passwordHash: await hashPassword("right-password-123") });
    const now = new Date("2030-01-01T00:00:00Z");
    const before = passwordChecks();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticateWithPassword({ email, password: `wrong-${i}`, ip: null, userAgent: "x", now }).then(
          () => "OK",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(outcomes).not.toContain("OK");
    expect(passwordChecks() - before).toBeLessThanOrEqual(env().SIGNIN_ACCOUNT_LIMIT);
  });
});
