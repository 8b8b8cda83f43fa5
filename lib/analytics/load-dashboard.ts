import type { DashboardFilters } from "./dashboard-filters";
import { loadAdoptionCurves } from "./queries/adoption-curves";
import { loadChallengeOutcomes, loadEnrollmentsOverTime, loadFunnel, loadMethodMix, loadSmsDelivery } from "./queries/breakdowns";
import { loadCountryTable } from "./queries/country-table";
import { loadKpis } from "./queries/kpis";
import { scopeCountries } from "./scope";

/** Every dashboard query by name — the page runs them all; bench/dashboard times each one. */
export const dashboardQueries = {
  kpis: (f: DashboardFilters, c: string[] | null, today: string) => loadKpis(f, c, today),
  adoptionCurves: (_f: DashboardFilters, c: string[] | null, today: string) => loadAdoptionCurves({ countries: c, today }),
  enrollmentsOverTime: (f: DashboardFilters, c: string[] | null) => loadEnrollmentsOverTime({ ...f, countries: c }),
  methodMix: (f: DashboardFilters, c: string[] | null) => loadMethodMix({ ...f, countries: c }),
  funnel: (f: DashboardFilters, c: string[] | null) => loadFunnel({ ...f, countries: c }),
  challengeOutcomes: (f: DashboardFilters, c: string[] | null) => loadChallengeOutcomes({ ...f, countries: c }),
  smsDelivery: (f: DashboardFilters, c: string[] | null) => loadSmsDelivery({ ...f, countries: c }),
  countryTable: (f: DashboardFilters, c: string[] | null) => loadCountryTable(f, c),
};

export async function loadDashboard(filters: DashboardFilters, today: string) {
  const countries = await scopeCountries(filters);
  const q = dashboardQueries;
  const [kpis, adoptionCurves, enrollmentsOverTime, methodMix, funnel, challengeOutcomes, smsDelivery, countryTable] = await Promise.all([
    q.kpis(filters, countries, today),
    q.adoptionCurves(filters, countries, today),
    q.enrollmentsOverTime(filters, countries),
    q.methodMix(filters, countries),
    q.funnel(filters, countries),
    q.challengeOutcomes(filters, countries),
    q.smsDelivery(filters, countries),
    q.countryTable(filters, countries),
  ]);
  // The lockout-risk cohort per country comes with the table (a gauge each).
  const lockoutRisk = countryTable.filter((c) => c.atRisk > 0).map((c) => ({ code: c.code, name: c.name, atRisk: c.atRisk, enrolled: c.enrolled })).sort((a, b) => b.atRisk - a.atRisk);
  return { filters, kpis, adoptionCurves, enrollmentsOverTime, methodMix, funnel, challengeOutcomes, smsDelivery, countryTable, lockoutRisk };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
