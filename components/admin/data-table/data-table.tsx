"use client";

import type { RowData } from "@tanstack/react-table";
import { useId, type ReactNode } from "react";
import { SortableHeader } from "./sortable-header";
import type { DataTableInstance } from "./types";

interface DataTableProps<TData extends RowData> {
  table: DataTableInstance<TData>;
  /** Shown above the table to everyone (and announced as the table's name). */
  caption: ReactNode;
  /** The row shown when search and filters leave nothing. */
  empty: ReactNode;
}

export function DataTable<TData extends RowData>({ table, caption, empty }: DataTableProps<TData>) {
  const rows = table.getRowModel().rows;
  const columnCount = table.getAllLeafColumns().length;
  const captionId = useId();
  // A table wider than the screen scrolls sideways: the box takes focus so the arrow keys scroll it, and is named by
  // the caption so a screen reader says what it is (WCAG 2.1.1; axe's scrollable-region-focusable).
  return (
    <div
      role="group"
      aria-labelledby={captionId}
      tabIndex={0}
      className="relative overflow-x-auto rounded-xl ring-1 ring-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader<TData> key={header.id} header={header} table={table} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columnCount} className="px-3 py-10 text-center text-slate-700">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.id} className="align-top hover:bg-slate-50">
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2.5 text-slate-800 ${cell.column.columnDef.meta?.align === "end" ? "text-right tabular-nums whitespace-nowrap" : ""}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
