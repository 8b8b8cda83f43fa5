import type { Kpis } from "@/lib/analytics/queries/kpis";
import { cardClass } from "./card";
import { describeChange, formatCount, formatShare, type Change } from "./format";

function ChangeNote({ change, against }: { change: Change; against: string }) {
  if (change.direction === "from-zero") return <>None in the {against}</>;
  if (change.direction === "same") return <>No change vs the {against}</>;
  const up = change.direction === "up";
  return (
    <>
      <span className={up ? "font-medium text-emerald-700 dark:text-emerald-400" : "font-medium text-rose-700 dark:text-rose-400"}>
        <span aria-hidden="true">{up ? "▲" : "▼"} </span>
        <span className="sr-only">{up ? "Up" : "Down"} </span>
        {change.text}
      </span>{" "}
      vs the {against}
    </>
  );
}

interface Card {
  id: string;
  label: string;
  value: string;
  note: React.ReactNode;
}

/** The headline figures; gauges are as of the end of the period, "today" and "7 days" count back from today (UTC). */
export function KpiCards({ kpis, periodDays }: { kpis: Kpis; periodDays: number }) {
  const period = periodDays === 1 ? "previous day" : `previous ${formatCount(periodDays)} days`;
  const cards: Card[] = [
    { id: "accounts", label: "Accounts", value: formatCount(kpis.accounts), note: "At the end of the period" },
    { id: "eligible", label: "Eligible", value: formatCount(kpis.eligible), note: "Offered two-step verification" },
    { id: "enrolled", label: "Enrolled", value: formatCount(kpis.enrolled), note: "Two-step verification on" },
    { id: "rate", label: "Enrollment rate", value: formatShare(kpis.rate), note: "Enrolled of eligible" },
    { id: "new", label: "New enrollments", value: formatCount(kpis.newInPeriod), note: <ChangeNote change={describeChange(kpis.newInPeriod, kpis.newInPreviousPeriod)} against={period} /> },
    { id: "today", label: "New today", value: formatCount(kpis.newToday), note: "Since midnight UTC" },
    { id: "7d", label: "Last 7 days", value: formatCount(kpis.newLast7Days), note: <ChangeNote change={describeChange(kpis.newLast7Days, kpis.newPrevious7Days)} against="previous 7 days" /> },
    {
      id: "at-risk",
      label: "Accounts at lockout risk",
      value: formatCount(kpis.atRisk),
      note: kpis.enrolled ? `${formatShare(kpis.atRisk / kpis.enrolled)} of enrolled` : "None enrolled yet",
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {cards.map((c) => (
        <div key={c.id} className={`${cardClass} flex min-w-0 flex-col p-4`}>
          <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{c.label}</dt>
          <dd data-testid={`kpi-${c.id}`} className="mt-1 text-2xl font-semibold tabular-nums text-slate-900 dark:text-slate-50">
            {c.value}
          </dd>
          <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{c.note}</dd>
        </div>
      ))}
    </dl>
  );
}
