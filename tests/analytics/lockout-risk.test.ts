import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { countryGauges, users } from "@/db/schema";
import { refreshLockoutRiskForPhonesIn } from "@/lib/analytics/refresh-lockout-risk";
import { setSmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { setupTestDatabase } from "../helpers/test-db";
import { account, confirmKey, enable, trustDevice, verifyPhone } from "./fixtures";

const testDb = setupTestDatabase({ seed: "countries" });

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

  it.runIf(testDb.driver === "postgres")("two SMS-support changes at once (two instances) both recount the gauges; the second waits for the first", async () => {
    const user = await account("NZ", "2026-01-02");
    await db.update(users).set({ lockoutRisk: true }).where(eq(users.id, user.id));
    const first = testDb().db;
    const second = testDb.connectAgain().db;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recounted!: () => void;
    const firstRecounted = new Promise<void>((resolve) => (recounted = resolve));

    const firstChange = first.transaction(async (tx) => {
      await refreshLockoutRiskForPhonesIn(tx, "IS");
      recounted();
      await held;
    });
    await firstRecounted;
    const secondChange = second.transaction((tx) => refreshLockoutRiskForPhonesIn(tx, "FR"));
    // The second is blocked on the first's rows before the first commits (what collided before).
    await expect
      .poll(async () => rowsOf(await db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0])
      .toEqual({ n: 1 });
    release();
    await expect(Promise.all([firstChange, secondChange])).resolves.toBeDefined();
    expect(await riskGauge("NZ")).toBe(1);
  });
});
