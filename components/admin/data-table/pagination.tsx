"use client";

import type { RowData } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { formatNumber } from "./format";
import type { DataTableInstance } from "./types";

export function Pagination<TData extends RowData>({ table }: { table: DataTableInstance<TData> }) {
  const rowCount = table.getRowCount();
  const pageCount = Math.max(1, table.getPageCount());
  const page = Math.min(table.state.pagination.pageIndex + 1, pageCount);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-700">
      <p aria-live="polite">
        {formatNumber(rowCount)} {rowCount === 1 ? "row" : "rows"}
        <span aria-hidden="true" className="px-2 text-slate-400">
          ·
        </span>
        Page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          className="px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          onClick={() => table.previousPage()}
          disabled={!table.getCanPreviousPage()}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          className="px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          onClick={() => table.nextPage()}
          disabled={!table.getCanNextPage()}
        >
          Next
        </Button>
      </div>
    </nav>
  );
}
