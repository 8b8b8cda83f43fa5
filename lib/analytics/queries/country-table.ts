import { dashboardDb } from "@/db";
import { countries as countriesTable } from "@/db/schema";
import type { DashboardFilters } from "../dashboard-filters";
import { funnelSteps } from "./breakdowns";
import { gaugesAsOf, sumRollups } from "./load-rollups";
import { loadOfferedShare } from "./planned-availability";

export interface CountryMetrics {
  code: string;
  name: string;
  accounts: number;
  eligible: number;
  enrolled: number;
  rate: number | null;
  newInPeriod: number;
  started: number;
  smsSent: number;
  smsFailed: number;
  challengesPassed: number;
  challengesFailed: number;
  atRisk: number;
}

/** Every country with accounts in scope, with all the dashboard's figures — for the per-country table and CSV. */
export async function loadCountryTable(filters: DashboardFilters, countries: string[] | null): Promise<CountryMetrics[]> {
  const [gauges, share, sums, names] = await Promise.all([
    gaugesAsOf({ asOf: filters.to, countries }),
    loadOfferedShare(new Date(`${filters.to}T23:59:59.999Z`)),
    sumRollups({ from: filters.from, to: filters.to, countries, metrics: [funnelSteps[0], "two_step_enabled", "sms_sent", "sms_failed", "challenge_passed", "challenge_failed"] }),
    dashboardDb.select({ code: countriesTable.code, name: countriesTable.name }).from(countriesTable),
  ]);
  const nameOf = new Map(names.map((n) => [n.code, n.name]));
  const sum = (country: string, metric: string) => sums.filter((r) => r.country === country && r.metric === metric).reduce((n, r) => n + r.n, 0);
  return [...gauges]
    .filter(([, g]) => g.accounts > 0)
    .map(([code, g]) => {
      const eligible = Math.max(Math.round(g.accounts * (share.get(code) ?? 0)), g.enrolled);
      return {
        code,
        name: nameOf.get(code) ?? "Unknown",
        accounts: g.accounts,
        eligible,
        enrolled: g.enrolled,
        rate: eligible ? g.enrolled / eligible : null,
        newInPeriod: sum(code, "two_step_enabled"),
        started: sum(code, funnelSteps[0]),
        smsSent: sum(code, "sms_sent"),
        smsFailed: sum(code, "sms_failed"),
        challengesPassed: sum(code, "challenge_passed"),
        challengesFailed: sum(code, "challenge_failed"),
        atRisk: g.lockout_risk,
      };
    })
    .sort((a, b) => b.accounts - a.accounts);
}
