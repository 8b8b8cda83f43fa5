"use client";

import { buttonClass } from "@/components/ui/button";
import { toCsv, type CsvColumn } from "./csv";

/**
 * Exports every row the current search, filters and sort leave (all pages, not just the one on screen).
 * The byte-order mark lets Excel read UTF-8 names such as "Côte d’Ivoire".
 */
export function DownloadCsvButton<TData>({
  filename,
  columns,
  getRows,
}: {
  filename: string;
  columns: readonly CsvColumn<TData>[];
  getRows: () => TData[];
}) {
  function download() {
    const blob = new Blob([`\uFEFF${toCsv(columns, getRows())}`], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <button
      type="button"
      onClick={download}
      className={buttonClass(
        "secondary",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M8 2v8m0 0 3-3m-3 3L5 7M3 12v1.5h10V12" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      Download CSV
    </button>
  );
}
