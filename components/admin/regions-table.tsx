"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import {
  DataTable,
  DownloadCsvButton,
  EmptyState,
  FilterSelect,
  Pagination,
  SearchInput,
  Toolbar,
  formatDate,
  formatNumber,
  formatPercent,
  useDataTable,
  type CsvColumn,
  type DataTableFeatures,
  type UrlTableConfig,
} from "@/components/admin/data-table";
import type { RegionRow, RegionStatus } from "@/lib/rollout/region-row";

const STATUS: Record<RegionStatus, { label: string; rank: number; tone: string }> = {
  not_available: { label: "Not available", rank: 0, tone: "bg-slate-100 text-slate-700 ring-slate-300" },
  planned: { label: "Planned", rank: 1, tone: "bg-sky-50 text-sky-800 ring-sky-200" },
  scheduled: { label: "Scheduled", rank: 2, tone: "bg-brand-50 text-brand-800 ring-brand-100" },
  ramping: { label: "Rolling out", rank: 3, tone: "bg-amber-50 text-amber-900 ring-amber-200" },
  available: { label: "Available", rank: 4, tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  paused: { label: "Paused", rank: 5, tone: "bg-red-50 text-red-800 ring-red-200" },
};
const NO_WAVE = "none";

const statusLabel = (row: RegionRow) =>
  row.status === "ramping" ? `Rolling out ${row.percent ?? 0}%` : STATUS[row.status].label;
const enrollmentRate = (row: RegionRow) => (row.eligible > 0 ? row.enrolled / row.eligible : undefined);

const ratePercent = (rate: number | undefined) => (rate === undefined ? "" : (rate * 100).toFixed(1));

const url: UrlTableConfig = {
  sortable: ["name", "status", "wave", "launched", "sms", "accounts", "eligible", "enrolled", "rate"],
  defaultSort: { id: "name", desc: false },
  filters: ["status", "wave", "sms"],
};

const csvColumns: CsvColumn<RegionRow>[] = [
  { header: "code", value: (r) => r.code },
  { header: "name", value: (r) => r.name },
  { header: "status", value: (r) => r.status },
  { header: "percent", value: (r) => r.percent },
  { header: "wave", value: (r) => r.wave },
  { header: "launched_at", value: (r) => r.launchedAt },
  { header: "sms", value: (r) => (r.smsSupported ? "yes" : "no") },
  { header: "accounts", value: (r) => r.accounts },
  { header: "eligible", value: (r) => r.eligible },
  { header: "enrolled", value: (r) => r.enrolled },
  // A percentage like `percent`, as on screen: 12.5 means 12.5%.
  { header: "enrollment_rate", value: (r) => ratePercent(enrollmentRate(r)) },
];

function StatusBadge({ row }: { row: RegionRow }) {
  const paused = row.status === "paused" && row.pauseReason;
  return (
    <div className="space-y-1">
      <span
        title={paused ? `Paused: ${row.pauseReason}` : undefined}
        className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS[row.status].tone}`}
      >
        {statusLabel(row)}
      </span>
      {paused && (
        <p title={row.pauseReason ?? undefined} className="max-w-48 truncate text-xs text-slate-600">
          <span className="sr-only">Reason: </span>
          {row.pauseReason}
        </p>
      )}
    </div>
  );
}

const helper = createColumnHelper<DataTableFeatures, RegionRow>();
const optional = <T,>(value: T | null) => value ?? undefined;

function regionColumns() {
  return helper.columns([
    helper.accessor("name", {
      header: "Country",
      sortFn: "locale",
      cell: ({ row }) => (
        <span className="block min-w-36">
          <Link href={`/admin/regions/${row.original.code}`} className="font-medium text-brand-700 hover:underline">
            {row.original.name}
          </Link>{" "}
          <span className="text-slate-600">{row.original.code}</span>
        </span>
      ),
    }),
    helper.accessor("status", {
      header: "Status",
      filterFn: (row, _id, value: string) => row.original.status === value,
      sortFn: (a, b) => STATUS[a.original.status].rank - STATUS[b.original.status].rank || (a.original.percent ?? 0) - (b.original.percent ?? 0),
      cell: ({ row }) => <StatusBadge row={row.original} />,
    }),
    helper.accessor((r) => optional(r.wave), {
      id: "wave",
      header: "Wave",
      sortUndefined: "last",
      filterFn: (row, _id, value: string) => (row.original.wave ?? NO_WAVE) === value,
      sortFn: (a, b) => (a.original.waveId ?? 0) - (b.original.waveId ?? 0),
      cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue() ?? "—"}</span>,
    }),
    helper.accessor((r) => optional(r.launchedAt), {
      id: "launched",
      header: "Launched",
      sortUndefined: "last",
      sortFn: "datetime",
      cell: ({ getValue }) => <span className="whitespace-nowrap">{formatDate(getValue())}</span>,
    }),
    helper.accessor((r) => (r.smsSupported ? "yes" : "no"), {
      id: "sms",
      header: "SMS",
      filterFn: (row, id, value: string) => row.getValue(id) === value,
      // Changed on the country's page, with a reason and a fresh confirmation.
      cell: ({ row }) => (row.original.smsSupported ? "Yes" : "No"),
    }),
    helper.accessor("accounts", { header: "Accounts", meta: { align: "end" }, cell: ({ getValue }) => formatNumber(getValue()) }),
    helper.accessor("eligible", { header: "Eligible", meta: { align: "end" }, cell: ({ getValue }) => formatNumber(getValue()) }),
    helper.accessor("enrolled", { header: "Enrolled", meta: { align: "end" }, cell: ({ getValue }) => formatNumber(getValue()) }),
    helper.accessor(enrollmentRate, {
      id: "rate",
      header: "Rate",
      meta: { align: "end" },
      sortUndefined: "last",
      cell: ({ getValue }) => formatPercent(getValue()),
    }),
  ]);
}

const statusOptions = (Object.keys(STATUS) as RegionStatus[]).map((value) => ({ value, label: STATUS[value].label }));
const smsOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

export function RegionsTable({ rows }: { rows: RegionRow[] }) {
  const columns = useMemo(() => regionColumns(), []);
  const waveOptions = useMemo(() => {
    const waves = new Map<string, number>();
    for (const r of rows) if (r.wave) waves.set(r.wave, r.waveId ?? 0);
    const sorted = [...waves].sort((a, b) => a[1] - b[1]).map(([wave]) => ({ value: wave, label: wave }));
    return [...sorted, { value: NO_WAVE, label: "No wave" }];
  }, [rows]);

  const { table, state } = useDataTable({
    data: rows,
    columns,
    url,
    searchText: (r) => [r.name, r.code, ...r.aliases].join("\n"),
    getRowId: (r) => r.code,
  });
  const filter = (id: string) => String(table.getColumn(id)?.getFilterValue() ?? "");
  const setFilter = (id: string) => (value: string) => table.getColumn(id)?.setFilterValue(value || undefined);

  return (
    <div className="space-y-4">
      <Toolbar
        actions={
          <DownloadCsvButton
            filename="regions.csv"
            columns={csvColumns}
            getRows={() => table.getPrePaginatedRowModel().rows.map((r) => r.original)}
          />
        }
      >
        <SearchInput id="regions-search" value={state.globalFilter} onChange={(q) => table.setGlobalFilter(q)} placeholder="Country or code" />
        <FilterSelect id="regions-status" label="Status" value={filter("status")} options={statusOptions} onChange={setFilter("status")} />
        <FilterSelect id="regions-wave" label="Wave" value={filter("wave")} options={waveOptions} onChange={setFilter("wave")} />
        <FilterSelect id="regions-sms" label="SMS" value={filter("sms")} options={smsOptions} onChange={setFilter("sms")} />
      </Toolbar>
      <DataTable
        table={table}
        caption="Countries: 2SV rollout status, SMS support and enrollment"
        empty={
          <EmptyState
            message={state.globalFilter ? `No countries match “${state.globalFilter}” with these filters.` : "No countries match these filters."}
            onClear={state.clearFilters}
          />
        }
      />
      <Pagination table={table} />
    </div>
  );
}
