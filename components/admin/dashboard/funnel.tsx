import { formatCount, formatShare } from "./format";
import { FUNNEL_STEP_NAMES } from "./palette";

export interface FunnelStep {
  step: string;
  count: number;
  dropOff: number | null;
}

function dropOffText(dropOff: number | null) {
  if (dropOff === null) return "";
  if (dropOff === 0) return "No drop from previous step";
  // More at a later step than before it: accounts started before the period, or trusted several devices.
  return dropOff > 0 ? `−${formatShare(dropOff)} from previous step` : `+${formatShare(-dropOff)} from previous step`;
}

/** The setup wizard's steps as horizontal bars: a real table, so the figures read the same with or without sight. */
export function Funnel({ steps }: { steps: FunnelStep[] }) {
  const max = Math.max(1, ...steps.map((s) => s.count));
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Enrollment funnel: accounts at each setup step, with the change from the step before</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Accounts and change from previous step</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={s.step}>
            <th scope="row" className="w-28 py-1.5 pr-3 text-left align-top font-medium text-slate-800 sm:w-32 dark:text-slate-200">
              {FUNNEL_STEP_NAMES[s.step] ?? s.step}
            </th>
            <td className="py-1.5">
              <div className="flex items-center gap-2">
                <div aria-hidden="true" className="h-5 min-w-0 flex-1 rounded bg-slate-100 dark:bg-slate-800">
                  <div className="h-5 rounded bg-blue-600" style={{ width: `${(s.count / max) * 100}%` }} />
                </div>
                <span className="w-12 shrink-0 text-right font-semibold tabular-nums text-slate-900 dark:text-slate-50">{formatCount(s.count)}</span>
              </div>
              {s.dropOff !== null && <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{dropOffText(s.dropOff)}</p>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
