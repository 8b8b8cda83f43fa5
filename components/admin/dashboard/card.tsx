import type { ReactNode } from "react";
import type { NumbersTableProps } from "./numbers-table";
import { ShowAsTable } from "./show-as-table";

export const cardClass = "rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:shadow-none dark:ring-slate-800";

/**
 * A dashboard panel: title, one line on what it shows, then the chart — or, with no data, a note of what will
 * appear here — and its numbers as a table for anyone who cannot read the chart.
 */
export function ChartCard({
  id,
  title,
  description,
  empty,
  table,
  children,
  className = "",
}: {
  id: string;
  title: string;
  description: ReactNode;
  /** Set when there is nothing to draw: says what will appear and when. */
  empty?: string | null;
  /** The chart's figures, behind "Show as table". */
  table?: NumbersTableProps;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={`${cardClass} min-w-0 ${className}`}>
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900 dark:text-slate-50">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      <div className="mt-4">
        {empty ? (
          <p data-testid={`${id}-empty`} className="rounded-xl border-2 border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {empty}
          </p>
        ) : (
          <>
            {children}
            {table && <ShowAsTable {...table} />}
          </>
        )}
      </div>
    </section>
  );
}
