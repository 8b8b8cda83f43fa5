"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import {
  DataTable,
  DownloadCsvButton,
  EmptyState,
  Pagination,
  Toolbar,
  useDataTable,
  type CsvColumn,
  type DataTableFeatures,
  type UrlTableConfig,
} from "@/components/admin/data-table";
import type { CountryMetrics } from "@/lib/analytics/queries/country-table";
import { formatCount, formatShare } from "./format";

const smsSuccess = (r: CountryMetrics) => (r.smsSent + r.smsFailed ? r.smsSent / (r.smsSent + r.smsFailed) : undefined);
const rate = (r: CountryMetrics) => r.rate ?? undefined;
const percentFigure = (share: number | undefined) => (share === undefined ? "" : (share * 100).toFixed(1));

// Only sort, dir and page go in the URL: no clash with the dashboard's from, to, wave and country.
const url: UrlTableConfig = {
  sortable: ["name", "accounts", "eligible", "enrolled", "rate", "newInPeriod", "started", "sms", "challengesPassed", "challengesFailed", "atRisk"],
  defaultSort: { id: "accounts", desc: true },
  filters: [],
  // Eleven figures a row under eight charts: 15 rows keep the page light on a phone; the CSV has them all.
  pageSize: 15,
};

const csvColumns: CsvColumn<CountryMetrics>[] = [
  { header: "code", value: (r) => r.code },
  { header: "name", value: (r) => r.name },
  { header: "accounts", value: (r) => r.accounts },
  { header: "eligible", value: (r) => r.eligible },
  { header: "enrolled", value: (r) => r.enrolled },
  // Percentages as on screen: 12.5 means 12.5%.
  { header: "enrollment_rate", value: (r) => percentFigure(rate(r)) },
  { header: "new_in_period", value: (r) => r.newInPeriod },
  { header: "started", value: (r) => r.started },
  { header: "sms_sent", value: (r) => r.smsSent },
  { header: "sms_failed", value: (r) => r.smsFailed },
  { header: "sms_success_rate", value: (r) => percentFigure(smsSuccess(r)) },
  { header: "challenges_passed", value: (r) => r.challengesPassed },
  { header: "challenges_failed", value: (r) => r.challengesFailed },
  { header: "at_risk", value: (r) => r.atRisk },
];

const helper = createColumnHelper<DataTableFeatures, CountryMetrics>();
const count = (id: "accounts" | "eligible" | "enrolled" | "newInPeriod" | "started" | "challengesPassed" | "challengesFailed" | "atRisk", header: string) =>
  helper.accessor(id, { header, meta: { align: "end" }, cell: ({ getValue }) => formatCount(getValue()) });

const columns = helper.columns([
  helper.accessor("name", {
    header: "Country",
    sortFn: "locale",
    // No wrapper element: the column's minimum width is set on its cells (`nameColumn` below).
    cell: ({ row }) => (
      <>
        <Link href={`/admin/regions/${row.original.code}`} className="font-medium text-brand-700 hover:underline dark:text-sky-400">
          {row.original.name}
        </Link>{" "}
        <span className="text-slate-600 dark:text-slate-400">{row.original.code}</span>
      </>
    ),
  }),
  count("accounts", "Accounts"),
  count("eligible", "Eligible"),
  count("enrolled", "Enrolled"),
  helper.accessor(rate, { id: "rate", header: "Enrollment rate", meta: { align: "end" }, sortUndefined: "last", cell: ({ getValue }) => formatShare(getValue()) }),
  count("newInPeriod", "New in period"),
  count("started", "Started"),
  helper.accessor(smsSuccess, { id: "sms", header: "SMS success", meta: { align: "end" }, sortUndefined: "last", cell: ({ getValue }) => formatShare(getValue()) }),
  count("challengesPassed", "Challenges passed"),
  count("challengesFailed", "Challenges failed"),
  count("atRisk", "At risk"),
]);

/*
 * The shared table is styled for the light console; these descendant variants darken it inside the dashboard
 * only, so regions and audit look exactly as before.
 */
const darkTable = [
  "dark:[&_table]:divide-slate-700 dark:[&_.overflow-x-auto]:ring-slate-700",
  "dark:[&_thead]:bg-slate-800 dark:[&_th]:text-slate-200 dark:[&_th_button:hover]:bg-slate-700 dark:[&_th_button:hover]:text-white dark:[&_th[aria-sort]_svg]:text-sky-400",
  "dark:[&_tbody]:divide-slate-800 dark:[&_tbody]:bg-slate-900 dark:[&_tbody_tr:hover]:bg-slate-800/60 dark:[&_td]:text-slate-200 dark:[&_td_p]:text-slate-200",
  // The buttons' own light hover (bg-slate-50) would otherwise win over the dark background and hide their text.
  "dark:[&_nav]:text-slate-300 dark:[&_button]:bg-slate-800 dark:[&_button]:text-slate-100 dark:[&_button]:ring-slate-600 dark:[&_button:hover]:bg-slate-700",
  "dark:[&_button:disabled]:text-slate-500 dark:[&_button:disabled:hover]:bg-slate-800",
].join(" ");

// Names wrap, but never narrower than this: "Russian Federation" stays on two lines, not three.
const nameColumn = "[&_tbody_td:first-child]:min-w-32";

export function CountryTable({ rows, filename }: { rows: CountryMetrics[]; filename: string }) {
  const { table } = useDataTable({ data: rows, columns, url, searchText: (r) => `${r.name} ${r.code}`, getRowId: (r) => r.code });
  return (
    <div className={`space-y-3 ${nameColumn} ${darkTable}`}>
      <Toolbar
        actions={<DownloadCsvButton filename={filename} columns={csvColumns} getRows={() => table.getPrePaginatedRowModel().rows.map((r) => r.original)} />}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">Sort by any column; the CSV has every row, on all pages, in this order.</p>
      </Toolbar>
      <DataTable table={table} caption="Enrollment by country" empty={<EmptyState message="No country in this selection has accounts yet — countries appear here as people sign up." />} />
      <Pagination table={table} />
    </div>
  );
}
