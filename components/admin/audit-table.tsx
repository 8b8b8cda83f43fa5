"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { useMemo } from "react";
import {
  DataTable,
  DateRangeFilter,
  DownloadCsvButton,
  EmptyState,
  FilterSelect,
  Pagination,
  SearchInput,
  Toolbar,
  formatDateTime,
  useDataTable,
  utcDay,
  type CsvColumn,
  type DataTableFeatures,
  type DayRange,
  type UrlTableConfig,
} from "@/components/admin/data-table";
import type { AuditRow } from "@/lib/audit/audit-row";
import { describeAuditAction } from "@/lib/audit/describe-audit-action";

const url: UrlTableConfig = {
  sortable: ["at", "actor", "action", "target", "country"],
  defaultSort: { id: "at", desc: true },
  filters: ["actor", "action", "country"],
  dateRange: { column: "at", from: "from", to: "to" },
};

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

const csvColumns: CsvColumn<AuditRow>[] = [
  { header: "id", value: (r) => r.id },
  { header: "at", value: (r) => r.at },
  { header: "actor", value: (r) => r.actor },
  { header: "action", value: (r) => r.action },
  { header: "target_type", value: (r) => r.targetType },
  { header: "target", value: (r) => r.target },
  { header: "country", value: (r) => r.countryCode },
  { header: "reason", value: (r) => r.reason },
  { header: "before", value: (r) => json(r.before) },
  { header: "after", value: (r) => json(r.after) },
];

const MAX_VALUE = 40;

function shown(value: unknown): string {
  if (value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function Change({ row }: { row: AuditRow }) {
  const keys = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])];
  if (keys.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {keys.map((key) => {
        const text = `${shown(row.before?.[key])} → ${shown(row.after?.[key])}`;
        const long = text.length > MAX_VALUE;
        return (
          <li key={key} title={long ? `${key}: ${text}` : undefined} className="max-w-72 truncate">
            <span className="text-slate-600">{key}:</span> {long ? `${text.slice(0, MAX_VALUE - 1)}…` : text}
          </li>
        );
      })}
    </ul>
  );
}

/** "Ada Admin <admin@stepwise.test>": the name, the address beneath it in smaller type. */
function ActorName({ label }: { label: string }) {
  const match = /^(.*) <([^>]+)>$/.exec(label);
  if (!match) return <span>{label}</span>;
  return (
    <span className="block">
      {match[1]}
      <span className="block text-xs text-slate-600">{match[2]}</span>
    </span>
  );
}

function inDayRange(iso: string, range: DayRange) {
  const day = utcDay(iso);
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}

const helper = createColumnHelper<DataTableFeatures, AuditRow>();
const columns = helper.columns([
  helper.accessor("at", {
    header: "When",
    sortFn: "datetime",
    filterFn: (row, _id, range: DayRange) => inDayRange(row.original.at, range),
    // Day above time: the table has seven columns to fit beside the console's menu.
    cell: ({ getValue }) => {
      const [day, time] = formatDateTime(getValue()).split(", ");
      return (
        <time dateTime={getValue()} className="block whitespace-nowrap">
          {day}
          <span className="block text-slate-600">{time}</span>
        </time>
      );
    },
  }),
  helper.accessor("actor", {
    header: "Actor",
    sortFn: "locale",
    filterFn: (row, _id, value: string) => row.original.actor === value,
    cell: ({ getValue }) => <ActorName label={getValue()} />,
  }),
  helper.accessor("action", {
    header: "Action",
    filterFn: (row, _id, value: string) => row.original.action === value,
    cell: ({ getValue }) => (
      <span className="block whitespace-nowrap">
        <span className="font-medium text-slate-900">{describeAuditAction(getValue())}</span>
        <span className="block font-mono text-xs text-slate-600">{getValue()}</span>
      </span>
    ),
  }),
  helper.accessor((r) => `${r.targetType} ${r.target}`, {
    id: "target",
    header: "Target",
    sortFn: "locale",
    cell: ({ row }) => (
      <span className="whitespace-nowrap">
        <span className="text-slate-600">{row.original.targetType}</span> {row.original.target}
      </span>
    ),
  }),
  helper.accessor((r) => r.countryCode ?? undefined, {
    id: "country",
    header: "Country",
    sortUndefined: "last",
    filterFn: (row, _id, value: string) => row.original.countryCode === value,
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  // Why, then what changed: one column, so the change is on screen at 1280 px rather than scrolled out of it.
  helper.display({
    id: "change",
    header: "Reason and change",
    cell: ({ row }) => (
      <div className="min-w-48 max-w-80 space-y-1">
        {row.original.reason && <p className="text-slate-900">{row.original.reason}</p>}
        <Change row={row.original} />
      </div>
    ),
  }),
]);

const searchText = (r: AuditRow) =>
  [formatDateTime(r.at), r.actor, describeAuditAction(r.action), r.action, r.targetType, r.target, r.countryCode, r.reason, json(r.before), json(r.after)].join(" ");

const distinct = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b)).map((v) => ({ value: v, label: v }));

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const actors = useMemo(() => distinct(rows.map((r) => r.actor)), [rows]);
  const actions = useMemo(
    () =>
      distinct(rows.map((r) => r.action))
        .map((o) => ({ ...o, label: describeAuditAction(o.value) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [rows],
  );
  const countries = useMemo(() => distinct(rows.map((r) => r.countryCode)), [rows]);

  const { table, state } = useDataTable({ data: rows, columns, url, searchText, getRowId: (r) => String(r.id) });
  const filter = (id: string) => String(table.getColumn(id)?.getFilterValue() ?? "");
  const setFilter = (id: string) => (value: string) => table.getColumn(id)?.setFilterValue(value || undefined);
  const range = (table.getColumn("at")?.getFilterValue() ?? {}) as DayRange;

  return (
    <div className="space-y-4">
      <Toolbar
        actions={
          <DownloadCsvButton
            filename="audit.csv"
            columns={csvColumns}
            getRows={() => table.getPrePaginatedRowModel().rows.map((r) => r.original)}
          />
        }
      >
        <SearchInput id="audit-search" value={state.globalFilter} onChange={(q) => table.setGlobalFilter(q)} placeholder="Any text" />
        <FilterSelect id="audit-actor" label="Actor" value={filter("actor")} options={actors} onChange={setFilter("actor")} />
        <FilterSelect id="audit-action" label="Action" value={filter("action")} options={actions} onChange={setFilter("action")} />
        <FilterSelect id="audit-country" label="Country" value={filter("country")} options={countries} onChange={setFilter("country")} />
        <DateRangeFilter
          id="audit-date"
          value={range}
          onChange={(next) => table.getColumn("at")?.setFilterValue(next.from || next.to ? next : undefined)}
        />
      </Toolbar>
      <DataTable
        table={table}
        caption="Audit log of staff and system changes"
        empty={
          rows.length === 0 ? (
            <EmptyState message="No staff actions yet. Launches, approvals, pauses and role changes appear here as they happen." />
          ) : (
            <EmptyState
              message={state.globalFilter ? `No audit entries match “${state.globalFilter}” with these filters.` : "No audit entries match these filters."}
              onClear={state.clearFilters}
            />
          )
        }
      />
      <Pagination table={table} />
    </div>
  );
}
