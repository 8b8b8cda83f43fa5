import { addDays, previousPeriod, type DashboardFilters } from "../dashboard-filters";
import { gaugesAsOf, sumRollups } from "./load-rollups";
import { loadOfferedShare } from "./planned-availability";

export interface Kpis {
  accounts: number;
  eligible: number;
  enrolled: number;
  /** enrolled ÷ eligible, null when nobody is eligible. */
  rate: number | null;
  newInPeriod: number;
  newInPreviousPeriod: number;
  newToday: number;
  newLast7Days: number;
  newPrevious7Days: number;
  atRisk: number;
}

const endOfDay = (day: string) => new Date(`${day}T23:59:59.999Z`);

/** The headline cards, as of the end of `filters.to`. */
export async function loadKpis(filters: DashboardFilters, countries: string[] | null, today: string): Promise<Kpis> {
  const prev = previousPeriod(filters);
  const [gauges, share] = await Promise.all([gaugesAsOf({ asOf: filters.to, countries }), loadOfferedShare(endOfDay(filters.to))]);
  const enabledBetween = async (from: string, to: string) =>
    (await sumRollups({ from, to, countries, metrics: ["two_step_enabled"] })).reduce((n, r) => n + r.n, 0);
  const [newInPeriod, newInPreviousPeriod, newToday, newLast7Days, newPrevious7Days] = await Promise.all([
    enabledBetween(filters.from, filters.to),
    enabledBetween(prev.from, prev.to),
    enabledBetween(today, today),
    enabledBetween(addDays(today, -6), today),
    enabledBetween(addDays(today, -13), addDays(today, -7)),
  ]);
  let accounts = 0;
  let eligible = 0;
  let enrolled = 0;
  let atRisk = 0;
  for (const [country, g] of gauges) {
    accounts += g.accounts;
    enrolled += g.enrolled;
    atRisk += g.lockout_risk;
    // Enrolled accounts were offered 2SV, whatever the plan says now.
    eligible += Math.max(Math.round(g.accounts * (share.get(country) ?? 0)), g.enrolled);
  }
  return { accounts, eligible, enrolled, rate: eligible ? enrolled / eligible : null, newInPeriod, newInPreviousPeriod, newToday, newLast7Days, newPrevious7Days, atRisk };
}
