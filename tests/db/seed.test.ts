import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allCountries, seedDatabase } from "@/db/seed";
import { countries, users, waveCountries, waves } from "@/db/schema";
import { demoAccounts, demoPassword } from "@/db/seed-data";
import { verifyPassword } from "@/lib/auth/passwords";
import { setupTestDatabase } from "../helpers/test-db";

// Starts empty: the tests seed it themselves.
const testDb = setupTestDatabase();

async function counts() {
  const { db } = testDb();
  const [[c], [w], [wc], [u]] = await Promise.all([
    db.select({ n: count() }).from(countries),
    db.select({ n: count() }).from(waves),
    db.select({ n: count() }).from(waveCountries),
    db.select({ n: count() }).from(users),
  ]);
  return { countries: c!.n, waves: w!.n, waveCountries: wc!.n, users: u!.n };
}

async function waveCodes(name: string) {
  const rows = await testDb()
    .db.select({ code: waveCountries.countryCode, status: waves.status })
    .from(waves)
    .innerJoin(waveCountries, eq(waveCountries.waveId, waves.id))
    .where(eq(waves.name, name));
  return { codes: rows.map((r) => r.code).sort(), status: rows[0]?.status };
}

describe("seedDatabase", () => {
  it("without demo data creates countries and waves but no accounts", async () => {
    await seedDatabase(testDb().db, { demo: false });
    const after = await counts();
    expect(after.users).toBe(0);
    expect(after.countries).toBeGreaterThanOrEqual(249);
    expect(after.waves).toBe(3);
  });

  it("is idempotent: seeding again (now with demo accounts) twice leaves the same counts", async () => {
    await seedDatabase(testDb().db);
    const once = await counts();
    await seedDatabase(testDb().db);
    expect(await counts()).toEqual(once);
    expect(once.users).toBe(demoAccounts.length);
  });

  it("loads every ISO 3166-1 country with its official English name", async () => {
    const rows = await testDb().db.select().from(countries);
    expect(rows.length).toBeGreaterThanOrEqual(249);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get("US")?.name).toBe("United States of America");
    expect(byCode.get("GB")?.name).toMatch(/United Kingdom/);
    expect(byCode.get("FR")?.name).toBe("France");
    for (const r of rows) expect(r.code).toMatch(/^[A-Z]{2}$/);
  });

  it("marks SMS support per country (local carriers), not per wave", async () => {
    const rows = await testDb().db.select().from(countries);
    const sms = new Map(rows.map((r) => [r.code, r.smsSupported]));
    expect(sms.get("US")).toBe(true);
    expect(sms.get("CH")).toBe(true); // no wave yet, SMS anyway
    expect(sms.get("PK")).toBe(false); // in wave 2, no SMS
    expect(sms.get("RU")).toBe(false);
  });

  it("records the launch history: waves 1 and 2 complete with their countries, wave 3 a draft", async () => {
    expect(await waveCodes("Wave 1")).toEqual({ codes: ["AU", "GB", "IE", "NZ", "US"], status: "complete" });
    expect(await waveCodes("Wave 2")).toEqual({
      codes: ["AR", "AT", "BE", "BR", "MX", "NL", "PK", "PL", "RU"],
      status: "complete",
    });
    const wave3 = await waveCodes("Wave 3");
    expect(wave3.status).toBe("draft");
    expect(wave3.codes).toEqual(["CA", "DE", "ES", "FR", "IT", "JP"]);
    const [draft] = await testDb().db.select().from(waves).where(eq(waves.name, "Wave 3"));
    expect(draft!.startsAt).toBeNull();
  });

  it("creates the demo accounts with their roles and a working demo password", async () => {
    const rows = await testDb().db.select().from(users);
    const byEmail = new Map(rows.map((u) => [u.email, u]));
    expect(new Set(rows.map((u) => u.role))).toEqual(new Set(["user", "viewer", "operator", "admin"]));
    for (const account of demoAccounts) {
      expect(byEmail.get(account.email)).toMatchObject({ role: account.role, countryCode: account.countryCode, name: account.name });
    }
    expect(await verifyPassword(byEmail.get("admin@stepwise.test")!.passwordHash, demoPassword)).toBe(true);
    expect(byEmail.get("admin@stepwise.test")!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("does not overwrite a demo account someone has already changed", async () => {
    const { db } = testDb();
    await db.update(users).set({ name: "Renamed", role: "user" }).where(eq(users.email, "operator@stepwise.test"));
    await seedDatabase(db);
    const [operator] = await db.select().from(users).where(eq(users.email, "operator@stepwise.test"));
    expect(operator).toMatchObject({ name: "Renamed", role: "user" });
  });
});

describe("allCountries", () => {
  it("is sorted by name and has unique codes", () => {
    const list = allCountries();
    expect(new Set(list.map((c) => c.code)).size).toBe(list.length);
    const names = list.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
