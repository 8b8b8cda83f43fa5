export type NumbersCell = string | number;

export interface NumbersTableProps {
  caption: string;
  /** Column headers; the first names the row headers. */
  columns: string[];
  /** Each row: its header cell (unique in the table), then values (right-aligned). Plain data, so it travels cheaply. */
  rows: [NumbersCell, ...NumbersCell[]][];
  /** Hide the caption visually when the card's title already says it. */
  hideCaption?: boolean;
}

/** The plain table behind a chart: the same numbers, readable by everyone and by screen readers. */
export function NumbersTable({ caption, columns, rows, hideCaption = true }: NumbersTableProps) {
  return (
    <div className="max-h-96 overflow-auto rounded-lg ring-1 ring-slate-200 dark:ring-slate-700">
      <table className="min-w-full text-left text-sm">
        <caption className={hideCaption ? "sr-only" : "px-3 py-2 text-left text-xs text-slate-600 dark:text-slate-400"}>{caption}</caption>
        <thead className="sticky top-0 bg-slate-50 dark:bg-slate-800">
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`px-3 py-2 text-xs font-semibold text-slate-700 dark:text-slate-200 ${i ? "text-right" : ""}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map(([head, ...values]) => (
            <tr key={head}>
              <th scope="row" className="whitespace-nowrap px-3 py-1.5 font-medium text-slate-800 dark:text-slate-200">
                {head}
              </th>
              {values.map((v, i) => (
                <td key={i} className="whitespace-nowrap px-3 py-1.5 text-right tabular-nums text-slate-700 dark:text-slate-300">
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
