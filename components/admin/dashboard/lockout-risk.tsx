import { formatCount, formatShare } from "./format";

export interface RiskRow {
  code: string;
  name: string;
  atRisk: number;
  enrolled: number;
}

const SHOWN = 8;

/** Countries with enrolled accounts that could lock themselves out, most first. */
export function LockoutRisk({ rows }: { rows: RiskRow[] }) {
  const shown = rows.slice(0, SHOWN);
  return (
    <div className="space-y-2">
      <table className="w-full text-sm">
        <caption className="sr-only">Enrolled accounts at lockout risk by country</caption>
        <thead>
          <tr className="text-xs text-slate-600 dark:text-slate-400">
            <th scope="col" className="pb-2 text-left font-medium">Country</th>
            <th scope="col" className="pb-2 text-right font-medium">At risk</th>
            <th scope="col" className="pb-2 text-right font-medium">Of enrolled</th>
            <th scope="col" className="pb-2 pl-3 text-right font-medium">Share</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {shown.map((r) => {
            const share = r.enrolled ? r.atRisk / r.enrolled : null;
            return (
              <tr key={r.code}>
                <th scope="row" className="py-1.5 text-left font-medium text-slate-800 dark:text-slate-200">
                  {r.name}
                </th>
                <td className="py-1.5 text-right font-semibold tabular-nums text-rose-700 dark:text-rose-400">{formatCount(r.atRisk)}</td>
                <td className="py-1.5 text-right tabular-nums text-slate-700 dark:text-slate-300">{formatCount(r.enrolled)}</td>
                <td className="py-1.5 pl-3 text-right tabular-nums text-slate-700 dark:text-slate-300">{formatShare(share)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > SHOWN && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          And {formatCount(rows.length - SHOWN)} more {rows.length - SHOWN === 1 ? "country" : "countries"}: see “At risk” in the table by country below.
        </p>
      )}
    </div>
  );
}
