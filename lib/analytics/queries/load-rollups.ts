import { and, between, gt, inArray, sql } from "drizzle-orm";
import { dashboardDb } from "@/db";
import { countryGauges, dailyRollups } from "@/db/schema";

export interface SumRow {
  country: string;
  metric: string;
  method: string;
  n: number;
}

const inCountries = (countries: string[] | null) => (countries ? inArray(dailyRollups.countryCode, countries.length ? countries : ["--"]) : undefined);

/** Sums of the rollups over a day range, per country × metric × method. Reads countries × days rows at most. */
export async function sumRollups({ from, to, countries, metrics }: { from: string; to: string; countries: string[] | null; metrics: string[] }): Promise<SumRow[]> {
  return dashboardDb
    .select({ country: dailyRollups.countryCode, metric: dailyRollups.metric, method: dailyRollups.method, n: sql<number>`sum(${dailyRollups.count})::int` })
    .from(dailyRollups)
    .where(and(between(dailyRollups.day, from, to), inArray(dailyRollups.metric, metrics), inCountries(countries)))
    .groupBy(dailyRollups.countryCode, dailyRollups.metric, dailyRollups.method);
}

/** Daily series over a range (one row per day × country × metric). */
export async function dailySeries({ from, to, countries, metrics }: { from: string; to: string; countries: string[] | null; metrics: string[] }) {
  return dashboardDb
    .select({ day: dailyRollups.day, country: dailyRollups.countryCode, metric: dailyRollups.metric, n: sql<number>`sum(${dailyRollups.count})::int` })
    .from(dailyRollups)
    .where(and(between(dailyRollups.day, from, to), inArray(dailyRollups.metric, metrics), inCountries(countries)))
    .groupBy(dailyRollups.day, dailyRollups.countryCode, dailyRollups.metric)
    .orderBy(dailyRollups.day);
}

export type Gauge = "accounts" | "enrolled" | "lockout_risk";

/**
 * Per-country gauges as of the end of day `asOf`: the running totals, minus what the rollups add after that day
 * (nothing when `asOf` is today). lockout_risk is a current state and is not rewound.
 */
export async function gaugesAsOf({ asOf, countries }: { asOf: string; countries: string[] | null }) {
  const [now, later] = await Promise.all([
    dashboardDb
      .select({ country: countryGauges.countryCode, gauge: countryGauges.gauge, value: countryGauges.value })
      .from(countryGauges)
      .where(countries ? inArray(countryGauges.countryCode, countries.length ? countries : ["--"]) : undefined),
    dashboardDb
      .select({ country: dailyRollups.countryCode, metric: dailyRollups.metric, n: sql<number>`sum(${dailyRollups.count})::int` })
      .from(dailyRollups)
      .where(and(gt(dailyRollups.day, asOf), inArray(dailyRollups.metric, ["account_created", "two_step_enabled", "two_step_disabled"]), inCountries(countries)))
      .groupBy(dailyRollups.countryCode, dailyRollups.metric),
  ]);
  const out = new Map<string, Record<Gauge, number>>();
  const entry = (c: string) => out.get(c) ?? (out.set(c, { accounts: 0, enrolled: 0, lockout_risk: 0 }), out.get(c)!);
  for (const g of now) entry(g.country)[g.gauge as Gauge] += g.value;
  for (const r of later) {
    if (r.metric === "account_created") entry(r.country).accounts -= r.n;
    if (r.metric === "two_step_enabled") entry(r.country).enrolled -= r.n;
    if (r.metric === "two_step_disabled") entry(r.country).enrolled += r.n;
  }
  return out;
}

