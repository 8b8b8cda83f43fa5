import { beforeAll, describe, expect, it } from "vitest";
import { recordEvent } from "@/lib/events/record-event";
import { loadAdoptionCurves, curvePoints } from "@/lib/analytics/queries/adoption-curves";
import { loadChallengeOutcomes, loadFunnel, loadMethodMix, loadSmsDelivery } from "@/lib/analytics/queries/breakdowns";
import { loadCountryTable } from "@/lib/analytics/queries/country-table";
import { loadKpis } from "@/lib/analytics/queries/kpis";
import { parseDashboardFilters, previousPeriod } from "@/lib/analytics/dashboard-filters";
import { setupTestDatabase } from "../helpers/test-db";
import { account, at, confirmKey, disable, enable, trustDevice, verifyPhone } from "./fixtures";

setupTestDatabase({ seed: "countries" });

// A hand-built January 2026 in the United States (wave 1, available) and Chile (in no wave):
// 4 US accounts; a and b enroll, b turns 2SV off again; c starts and stops at the phone; Chile has 1 account.
const jan = { from: "2026-01-01", to: "2026-01-31", waveId: null, country: null };
let ids: Record<string, string> = {};

beforeAll(async () => {
  const [a, b, c, d, cl] = [await account("US", "2026-01-02"), await account("US", "2026-01-03"), await account("US", "2026-01-04"), await account("US", "2026-01-05"), await account("CL", "2026-01-05")];
  ids = { a: a.id, b: b.id, c: c.id, d: d.id, cl: cl.id };
  for (const u of [a, b, c]) await recordEvent({ type: "enrollment_started", userId: u.id, at: at("2026-01-10") });
  await verifyPhone(a.id, "US", "2026-01-10");
  await verifyPhone(c.id, "US", "2026-01-10");
  await trustDevice(b.id, "2026-01-10");
  await confirmKey(a.id, "2026-01-10");
  await confirmKey(b.id, "2026-01-10");
  await enable(a.id, "sms", "2026-01-10");
  await enable(b.id, "device", "2026-01-12");
  await disable(b.id, "2026-01-20");
  // Sign-ins of a: 3 codes sent, 2 passed, 1 failed; texts to the US: 3 sent, 1 failed.
  for (const type of ["challenge_sent", "challenge_sent", "challenge_sent", "challenge_passed", "challenge_passed", "challenge_failed"] as const) await recordEvent({ type, userId: a.id, method: "sms", at: at("2026-01-15") });
  for (const type of ["sms_sent", "sms_sent", "sms_sent", "sms_failed"] as const) await recordEvent({ type, userId: a.id, countryCode: "US", at: at("2026-01-15") });
  // Something in December: outside the period, inside the previous one.
  await enable(d.id, "sms", "2025-12-20");
  await verifyPhone(d.id, "US", "2025-12-20");
});

describe("dashboard metrics on a hand-built fixture", () => {
  it("KPI cards", async () => {
    expect(await loadKpis(jan, null, "2026-01-31")).toEqual({
      accounts: 5,
      // US is available (wave 1): its 4 accounts; Chile is in no wave.
      eligible: 4,
      enrolled: 2, // a and d (b turned it off)
      rate: 0.5,
      newInPeriod: 2,
      newInPreviousPeriod: 1,
      newToday: 0,
      newLast7Days: 0,
      newPrevious7Days: 0,
      // a: one phone and a confirmed key (1 factor) → at risk; d: one phone, no key → at risk.
      atRisk: 2,
    });
    // As of the 11th: b had not enrolled yet, d had.
    expect(await loadKpis({ ...jan, to: "2026-01-11" }, ["US"], "2026-01-31")).toMatchObject({ accounts: 4, enrolled: 2, newInPeriod: 1 });
  });

  it("funnel with drop-off, method mix, challenge outcomes and SMS delivery", async () => {
    const range = { ...jan, countries: null };
    expect(await loadFunnel(range)).toEqual([
      { step: "enrollment_started", count: 3, dropOff: null },
      { step: "phone_verified", count: 2, dropOff: 1 - 2 / 3 },
      { step: "device_trusted", count: 1, dropOff: 0.5 },
      { step: "key_confirmed", count: 2, dropOff: -1 },
      { step: "two_step_enabled", count: 2, dropOff: 0 },
    ]);
    expect(await loadMethodMix(range)).toEqual([
      { method: "device", count: 1 },
      { method: "sms", count: 1 },
    ].sort((x, y) => y.count - x.count || 0));
    expect((await loadChallengeOutcomes(range)).totals).toEqual({ sent: 3, passed: 2, failed: 1, denied: 0, locked: 0 });
    expect(await loadSmsDelivery(range)).toEqual([{ country: "US", sent: 3, failed: 1, successRate: 0.75 }]);
  });

  it("the lockout-risk cohort follows each account's factors", async () => {
    const before = (await loadCountryTable(jan, ["US"]))[0]!.atRisk;
    await trustDevice(ids.a!, "2026-01-21"); // a: phone + device + confirmed key → safe
    expect((await loadCountryTable(jan, ["US"]))[0]!.atRisk).toBe(before - 1);
  });

  it("per-country table", async () => {
    const rows = await loadCountryTable(jan, null);
    expect(rows.map((r) => r.code)).toEqual(["US", "CL"]);
    expect(rows[0]).toMatchObject({ code: "US", name: "United States of America", accounts: 4, eligible: 4, enrolled: 2, rate: 0.5, newInPeriod: 2, started: 3, smsSent: 3, smsFailed: 1, challengesPassed: 2, challengesFailed: 1 });
    expect(rows[1]).toMatchObject({ code: "CL", accounts: 1, eligible: 0, enrolled: 0, rate: null });
  });

  it("adoption curve points: cumulative enrolled over accounts by days since launch", async () => {
    const points = curvePoints({
      launchDay: "2013-03-21",
      today: "2013-03-24",
      horizonDays: 180,
      totalAccounts: 12,
      daily: [
        { day: "2013-03-21", metric: "two_step_enabled", n: 3 },
        { day: "2013-03-22", metric: "account_created", n: 2 },
        { day: "2013-03-23", metric: "two_step_enabled", n: 2 },
        { day: "2013-03-23", metric: "two_step_disabled", n: 1 },
      ],
    });
    expect(points).toEqual([
      { day: 0, enrolled: 3, accounts: 10, rate: 0.3 },
      { day: 1, enrolled: 3, accounts: 12, rate: 0.25 },
      { day: 2, enrolled: 4, accounts: 12, rate: 4 / 12 },
      { day: 3, enrolled: 4, accounts: 12, rate: 4 / 12 },
    ]);
    // From the database: wave 1's curve ends with its countries' enrollment today.
    const [wave1] = await loadAdoptionCurves({ countries: ["US"], today: "2026-01-31", horizonDays: 5000 });
    expect(wave1).toMatchObject({ wave: "Wave 1", launchDay: "2013-03-21" });
    expect(wave1!.points.at(-1)).toMatchObject({ enrolled: 2, accounts: 4, rate: 0.5 });
  });

  it("filters from the URL: defaults, bad values and a reversed range", () => {
    expect(parseDashboardFilters({}, "2026-01-31")).toEqual({ from: "2026-01-02", to: "2026-01-31", waveId: null, country: null });
    expect(parseDashboardFilters({ from: "2026-02-10", to: "2026-01-05", wave: "2", country: "fr" }, "2026-12-31")).toEqual({ from: "2026-01-05", to: "2026-02-10", waveId: 2, country: "FR" });
    expect(parseDashboardFilters({ from: "nope", to: "2999-01-01", wave: "-1", country: "France" }, "2026-01-31")).toEqual({ from: "2026-01-02", to: "2026-01-31", waveId: null, country: null });
  });

  it("reads days before 2013 as its first day and cuts a range longer than two years to its last two", () => {
    // Year 1 would put "vs previous period" in negative years and ask for 740 000 daily points.
    expect(parseDashboardFilters({ from: "0001-01-01", to: "2026-01-31" }, "2026-01-31")).toMatchObject({ from: "2024-02-01", to: "2026-01-31" });
    expect(parseDashboardFilters({ from: "0001-01-01", to: "0001-02-01" }, "2026-01-31")).toMatchObject({ from: "2013-01-01", to: "2013-01-01" });
    expect(parseDashboardFilters({ to: "1999-12-31" }, "2026-01-31")).toMatchObject({ from: "2013-01-01", to: "2013-01-01" });
    // Exactly two years (731 days, a leap day included) stays as asked; a day more is cut.
    expect(parseDashboardFilters({ from: "2024-02-01", to: "2026-01-31" }, "2026-01-31")).toMatchObject({ from: "2024-02-01", to: "2026-01-31" });
    expect(parseDashboardFilters({ from: "2024-01-31", to: "2026-01-31" }, "2026-01-31")).toMatchObject({ from: "2024-02-01", to: "2026-01-31" });
    expect(previousPeriod({ from: "2013-01-01", to: "2013-01-01" })).toEqual({ from: "2012-12-31", to: "2012-12-31" });
  });
});
