"use client";

import type { Header, RowData } from "@tanstack/react-table";
import type { DataTableFeatures } from "./features";
import type { DataTableInstance } from "./types";

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className={`h-4 w-3 shrink-0 ${direction ? "text-brand-700" : "text-slate-400"}`}>
      <path d="M6 2 2 6.5h8z" fill="currentColor" opacity={direction === "desc" ? 0.3 : 1} />
      <path d="M6 14 2 9.5h8z" fill="currentColor" opacity={direction === "asc" ? 0.3 : 1} />
    </svg>
  );
}

export function SortableHeader<TData extends RowData>({
  header,
  table,
}: {
  header: Header<DataTableFeatures, TData, unknown>;
  table: DataTableInstance<TData>;
}) {
  const { column } = header;
  const end = column.columnDef.meta?.align === "end";
  const base = `px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-700 whitespace-nowrap ${end ? "text-right" : "text-left"}`;
  if (header.isPlaceholder) return <th scope="col" className={base} />;

  const label = <table.FlexRender header={header} />;
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={base}>
        {label}
      </th>
    );
  }

  const direction = column.getIsSorted();
  return (
    <th scope="col" aria-sort={direction ? ARIA_SORT[direction] : undefined} className={base}>
      <button
        type="button"
        onClick={column.getToggleSortingHandler()}
        className={`-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 uppercase hover:bg-slate-200/70 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 ${end ? "flex-row-reverse" : ""}`}
      >
        {label}
        <SortIcon direction={direction} />
      </button>
    </th>
  );
}
