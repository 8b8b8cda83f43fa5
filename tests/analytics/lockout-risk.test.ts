import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { countryGauges, users } from "@/db/schema";
import { setSmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { setupTestDatabase } from "../helpers/test-db";
import { account, confirmKey, enable, trustDevice, verifyPhone } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const riskGauge = async (country: string) =>
  (await db.select({ value: countryGauges.value }).from(countryGauges).where(and(eq(countryGauges.countryCode, country), eq(countryGauges.gauge, "lockout_risk"))))[0]?.value ?? 0;

describe("lockout-risk cohort", () => {
  it("follows a country's SMS support: its phones stop counting as factors when carriers stop delivering", async () => {
    const user = await account("NZ", "2026-01-02");
    await verifyPhone(user.id, "NZ", "2026-01-03");
    await trustDevice(user.id, "2026-01-03");
    await confirmKey(user.id, "2026-01-03");
    await enable(user.id, "sms+device", "2026-01-04");
    expect(await riskGauge("NZ")).toBe(0);

    const [operator] = await db.insert(users).values({ email: "op-risk@stepwise.test", name: "Op", countryCode: "NZ", passwordHash: "x", role: "operator" }).returning();
    const actor = { id: operator!.id, name: "Op", email: operator!.email, role: "operator" as const };
    await setSmsSupport({ actor, countryCode: "NZ", supported: false, reason: "carrier outage" });
    // Phone no longer counts: one trusted browser left → at risk.
    expect(await riskGauge("NZ")).toBe(1);
    expect((await db.select({ r: users.lockoutRisk }).from(users).where(eq(users.id, user.id)))[0]!.r).toBe(true);
    await setSmsSupport({ actor, countryCode: "NZ", supported: true, reason: "carrier back" });
    expect(await riskGauge("NZ")).toBe(0);
  });
});
