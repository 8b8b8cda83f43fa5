import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { env } from "@/lib/env";
import { setupTestDatabase } from "../helpers/test-db";

setupTestDatabase({ seed: "countries" });

const password = "Copper-Lantern-Harbor-4471";
const code = (p: Promise<unknown>) => p.then(() => "created", (e: { code?: string }) => e.code ?? String(e));
const signUp = (email: string, ip: string | null, now = new Date()) => createAccount({ name: "Test Person", email, password, country: "US", ip, now });

describe("createAccount", () => {
  it("limits sign-ups per address, taken emails included, so nobody can test emails (or make accounts) in bulk", async () => {
    const ip = "203.0.113.9";
    const limit = env().SIGNUP_IP_LIMIT;
    const t0 = new Date();
    expect(await code(signUp("first@example.com", ip, t0))).toBe("created");
    // Asking about a taken email counts like any other sign-up.
    for (let i = 1; i < limit; i++) expect(await code(signUp("first@example.com", ip, t0))).toBe("EMAIL_TAKEN");

    expect(await code(signUp("second@example.com", ip, t0))).toBe("THROTTLED");
    expect(await db.select().from(users).where(eq(users.email, "second@example.com"))).toHaveLength(0);
    // Another address, or the same one an hour later, may sign up.
    expect(await code(signUp("second@example.com", "198.51.100.4", t0))).toBe("created");
    expect(await code(signUp("third@example.com", ip, new Date(t0.getTime() + 61 * 60_000)))).toBe("created");
  });

  it("without a client address nothing is counted", async () => {
    for (let i = 0; i < 3; i++) expect(await code(signUp(`direct-${i}@example.com`, null))).toBe("created");
  });
});
