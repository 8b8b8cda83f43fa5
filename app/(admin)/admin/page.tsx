import type { Metadata } from "next";
import { ChartCard, cardClass } from "@/components/admin/dashboard/card";
import { CountryTable } from "@/components/admin/dashboard/country-table";
import { AdoptionChart } from "@/components/admin/dashboard/adoption-chart";
import { BarListChart } from "@/components/admin/dashboard/bar-list-chart";
import { EnrollmentsChart } from "@/components/admin/dashboard/enrollments-chart";
import { FilterBar } from "@/components/admin/dashboard/filter-bar";
import { formatCount, formatDay, formatShare } from "@/components/admin/dashboard/format";
import { Funnel } from "@/components/admin/dashboard/funnel";
import { KpiCards } from "@/components/admin/dashboard/kpi-cards";
import { LiveRefresh } from "@/components/admin/dashboard/live-refresh";
import { LockoutRisk } from "@/components/admin/dashboard/lockout-risk";
import { methodName, OUTCOME_COLOURS, seriesColour } from "@/components/admin/dashboard/palette";
import { adoptionRows, adoptionTableDays, BUCKET_HEADINGS, enrollmentRows } from "@/components/admin/dashboard/series";
import { dashboardDb } from "@/db";
import { countries } from "@/db/schema";
import { addDays, daysBetween, earliestDay, parseDashboardFilters } from "@/lib/analytics/dashboard-filters";
import { readDashboardVersion } from "@/lib/analytics/dashboard-version";
import { loadDashboard } from "@/lib/analytics/load-dashboard";
import { loadCountryTable } from "@/lib/analytics/queries/country-table";
import { listWaves } from "@/lib/rollout/waves/list-waves";
import { staffContext } from "./_lib/staff-context";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await staffContext("viewer");
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const filters = parseDashboardFilters(await searchParams, today);
  const scoped = filters.country !== null || filters.waveId !== null;
  // Read before the figures: a change landing while they load moves the version again, and the page refreshes.
  const version = await readDashboardVersion(now);
  const [dashboard, allWaves, names, unscopedTable] = await Promise.all([
    loadDashboard(filters, today),
    listWaves(now),
    dashboardDb.select({ code: countries.code, name: countries.name }).from(countries),
    // The Country filter lists every country with accounts, whatever is selected now.
    scoped ? loadCountryTable({ ...filters, waveId: null, country: null }, null) : null,
  ]);
  const nameMap = new Map(names.map((n) => [n.code, n.name]));
  const nameOf = (code: string) => nameMap.get(code) ?? (code === "ZZ" ? "Unknown country" : code);
  const waves = allWaves.filter((w) => w.phase === "live" || w.phase === "complete" || w.phase === "scheduled").map((w) => ({ id: w.id, name: w.name }));
  const countryOptions = (unscopedTable ?? dashboard.countryTable).map((c) => ({ code: c.code, name: c.name })).sort((a, b) => a.name.localeCompare(b.name, "en"));

  const { from, to } = filters;
  const periodDays = daysBetween(from, to) + 1;
  const scope = filters.country ? nameOf(filters.country) : filters.waveId ? (allWaves.find((w) => w.id === filters.waveId)?.name ?? "an unknown wave") : "all countries";
  const period = `${formatDay(from)} – ${formatDay(to)}`;

  return (
    <div className="space-y-6 dark:-mx-4 dark:rounded-3xl dark:bg-slate-950 dark:p-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900 dark:text-slate-50">Dashboard</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Two-step verification enrollment in <span className="font-medium text-slate-800 dark:text-slate-200">{scope}</span>, {period} (UTC).
          </p>
        </div>
        <LiveRefresh renderedAt={now.toISOString()} version={version} />
      </div>

      <FilterBar
        value={{ from, to, wave: filters.waveId ? String(filters.waveId) : "", country: filters.country ?? "" }}
        defaults={{ from: addDays(today, -29), to: today }}
        earliest={earliestDay}
        today={today}
        waves={waves}
        countries={countryOptions}
      />

      <section aria-label="Key figures">
        <KpiCards kpis={dashboard.kpis} periodDays={periodDays} />
      </section>

      <Charts dashboard={dashboard} nameOf={nameOf} period={period} />

      <section aria-labelledby="by-country-title" className={cardClass}>
        <h2 id="by-country-title" className="text-base font-semibold text-slate-900 dark:text-slate-50">
          Enrollment by country
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-600 dark:text-slate-400">Every country with accounts in this selection. Accounts, eligible and enrolled as of {formatDay(to)}; the rest within the period.</p>
        <CountryTable rows={dashboard.countryTable} filename={`enrollment-by-country-${from}-to-${to}${filters.country ? `-${filters.country}` : ""}.csv`} />
      </section>
    </div>
  );
}

type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;

function Charts({ dashboard: d, nameOf, period }: { dashboard: Dashboard; nameOf: (code: string) => string; period: string }) {
  const adoption = adoptionRows(d.adoptionCurves);
  const enrollments = enrollmentRows({ from: d.filters.from, to: d.filters.to, seriesCodes: d.enrollmentsOverTime.series, points: d.enrollmentsOverTime.points, nameOf });
  const newTotal = enrollments.rows.reduce((n, r) => n + Number(r.total), 0);
  const busiest = enrollments.rows.reduce((a, b) => (Number(b.total) > Number(a.total) ? b : a), enrollments.rows[0]!);

  const methodTotal = d.methodMix.reduce((n, m) => n + m.count, 0);
  const methods = d.methodMix.map((m, i) => ({ name: methodName(m.method), value: m.count, share: m.count / (methodTotal || 1), colour: seriesColour(i) }));

  const outcomes = d.challengeOutcomes.totals;
  // Shares are of the checks that ended one way or another: a code can fail several times before it passes, and codes
  // from an authenticator app pass without being sent, so shares of "sent" added up to more than 100 %.
  const checked = outcomes.passed + outcomes.failed + outcomes.denied;
  const outcomeItems = (["sent", "passed", "failed", "denied", "locked"] as const).map((k) => ({
    name: k[0]!.toUpperCase() + k.slice(1),
    value: outcomes[k],
    label: k === "sent" ? formatCount(outcomes[k]) : `${formatCount(outcomes[k])} · ${formatShare(checked ? outcomes[k] / checked : null)}`,
    colour: OUTCOME_COLOURS[k],
  }));
  const anyOutcome = Object.values(outcomes).some((n) => n > 0);

  const sms = d.smsDelivery.filter((s) => s.successRate !== null);
  const smsTop = sms.slice(0, 10).map((s) => ({ name: nameOf(s.country), value: Math.round(s.successRate! * 1000) / 10, label: `${formatShare(s.successRate)} of ${formatCount(s.sent + s.failed)}`, colour: seriesColour(0) }));
  const smsWorst = [...smsTop].sort((a, b) => a.value - b.value)[0];

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        id="adoption"
        className="lg:col-span-2"
        title="Adoption by wave since launch"
        description="Share of each launched wave's accounts with two-step verification on, by days since the wave launched (first 180 days), so waves compare on one scale."
        empty={adoption.series.length ? null : "No wave has launched in this selection yet — each launched wave's curve appears here from its launch day."}
        table={{
          caption: "Enrollment rate by days since launch, per wave (selected days)",
          columns: ["Days since launch", ...adoption.series.map((s) => s.name)],
          rows: adoptionTableDays(adoption.lastDay).map((day) => {
            const row = adoption.rows[day];
            return [day, ...adoption.series.map((s) => (row?.[s.key] === undefined ? "—" : `${row[s.key]}%`))];
          }),
        }}
      >
        <AdoptionChart
          rows={adoption.rows}
          series={adoption.series}
          label={`Enrollment rate by days since launch. ${d.adoptionCurves.map((c) => `${c.wave}: ${formatShare(c.points.at(-1)?.rate ?? 0)} on day ${c.points.length - 1}`).join("; ")}.`}
        />
      </ChartCard>

      <ChartCard
        id="enrollments"
        className="lg:col-span-2"
        title="New enrollments by country"
        description={`Accounts that turned on two-step verification per ${enrollments.bucket}, ${period}, stacked by country (the six with most, then the rest).`}
        empty={newTotal ? null : "No enrollments in this period yet — they appear here as accounts turn on two-step verification."}
        table={{
          caption: `New enrollments per ${enrollments.bucket} and country (${enrollments.bucket}s without enrollments left out)`,
          columns: [BUCKET_HEADINGS[enrollments.bucket].replace(" of", ""), ...enrollments.series.map((s) => s.name), "Total"],
          rows: enrollments.rows.filter((r) => Number(r.total) > 0).map((r) => [r.label, ...enrollments.series.map((s) => formatCount(Number(r[s.key]))), formatCount(Number(r.total))]),
        }}
      >
        <EnrollmentsChart
          rows={enrollments.rows}
          series={enrollments.series}
          bucket={enrollments.bucket}
          label={`${formatCount(newTotal)} new enrollments, ${period}${enrollments.series[0] ? `; most in ${enrollments.series[0].name}` : ""}${busiest ? `; busiest ${enrollments.bucket}: ${busiest.label} with ${formatCount(Number(busiest.total))}` : ""}.`}
        />
      </ChartCard>

      <ChartCard
        id="methods"
        title="Method mix"
        description="How accounts that turned on two-step verification in the period receive their codes."
        empty={methodTotal ? null : "No enrollments in this period yet — the methods chosen (text message, trusted device or both) appear here as accounts turn on two-step verification."}
        table={{ caption: "Enrollments by method", columns: ["Method", "Accounts", "Share"], rows: methods.map((m) => [m.name, formatCount(m.value), formatShare(m.share)]) }}
      >
        <BarListChart
          items={methods.map((m) => ({ ...m, label: `${formatCount(m.value)} · ${formatShare(m.share, 0)}` }))}
          label={`Methods of ${formatCount(methodTotal)} new enrollments: ${methods.map((m) => `${m.name} ${formatShare(m.share)}`).join(", ")}.`}
        />
      </ChartCard>

      <ChartCard
        id="funnel"
        title="Enrollment funnel"
        description="Setup steps completed in the period, with the change from the step before."
        empty={d.funnel.some((s) => s.count > 0) ? null : "No one started turning on two-step verification in this period — each setup step appears here as accounts go through it."}
      >
        <Funnel steps={d.funnel} />
      </ChartCard>

      <ChartCard
        id="challenges"
        title="Sign-in challenge outcomes"
        description="Second-step codes sent in the period and how each check ended (shares are of checks: passed, failed or denied; locked = a wrong code that made the account wait)."
        empty={anyOutcome ? null : "No second-step codes were sent in this period — outcomes appear here as accounts with two-step verification sign in."}
        table={{
          caption: "Challenge outcomes by method",
          columns: ["Method", "Sent", "Passed", "Failed", "Denied", "Locked"],
          rows: [
            ...d.challengeOutcomes.byMethod.map((m) => [methodName(m.method), formatCount(m.sent), formatCount(m.passed), formatCount(m.failed), formatCount(m.denied), formatCount(m.locked)] as [string, ...string[]]),
            ["All methods", formatCount(outcomes.sent), formatCount(outcomes.passed), formatCount(outcomes.failed), formatCount(outcomes.denied), formatCount(outcomes.locked)],
          ],
        }}
      >
        <BarListChart
          items={outcomeItems}
          nameWidth={72}
          label={`${formatCount(outcomes.sent)} codes sent; of ${formatCount(checked)} checks ${formatCount(outcomes.passed)} passed (${formatShare(checked ? outcomes.passed / checked : null)}), ${formatCount(outcomes.failed)} failed, ${formatCount(outcomes.denied)} denied; ${formatCount(outcomes.locked)} locked.`}
        />
      </ChartCard>

      <ChartCard
        id="lockout"
        title="Lockout-risk cohort"
        description="Enrolled accounts with a single trusted phone or device, or no confirmed Recovery Key: with 2SV on, nobody can reset their password without them."
        empty={d.lockoutRisk.length ? null : "No enrolled account in this selection is at lockout risk — countries appear here when one has a single trusted phone or device, or no confirmed Recovery Key."}
      >
        <LockoutRisk rows={d.lockoutRisk} />
      </ChartCard>

      <ChartCard
        id="sms"
        className="lg:col-span-2"
        title="SMS delivery success by country"
        description="Share of texted codes delivered, for the ten countries that received the most in the period."
        empty={smsTop.length ? null : "No text messages were sent in this period — delivery success per country appears here once codes go out by SMS."}
        table={{
          caption: "SMS delivered and failed by country",
          columns: ["Country", "Delivered", "Failed", "Success rate"],
          rows: sms.map((s) => [nameOf(s.country), formatCount(s.sent), formatCount(s.failed), formatShare(s.successRate)]),
        }}
      >
        <BarListChart
          items={smsTop}
          max={100}
          unit="%"
          nameWidth={120}
          label={`SMS delivery success for the ${smsTop.length} busiest ${smsTop.length === 1 ? "country" : "countries"}${smsWorst ? `; lowest: ${smsWorst.name} at ${smsWorst.value}%` : ""}.`}
        />
      </ChartCard>
    </div>
  );
}
