import { Card } from "@/components/ui/card";
import type { previewWaveImpact } from "@/lib/rollout/waves/preview-wave-impact";
import { formatCount } from "../../_lib/format";

/** Before asking for approval: who this wave offers 2SV to, who can only use devices, and what is refused. */
export function ImpactPreview({ impact }: { impact: Awaited<ReturnType<typeof previewWaveImpact>> }) {
  const { rows, totals } = impact;
  return (
    <Card
      title="Impact preview"
      description={`${formatCount(totals.becomeEligible)} ${totals.becomeEligible === 1 ? "account becomes" : "accounts become"} eligible; ${formatCount(totals.deviceOnly)} of them can only use trusted devices (no SMS carrier support).`}
    >
      {totals.conflicts > 0 && (
        <p role="alert" className="mb-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200">
          {rows
            .filter((r) => r.conflictWave)
            .map((r) => `${r.name} is already in ${r.conflictWave}`)
            .join("; ")}
          . A country can be in one wave at a time: edit the plan to remove {totals.conflicts === 1 ? "it" : "them"}.
        </p>
      )}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm" aria-label="Impact per country">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">Country</th>
              <th scope="col" className="py-2 pr-4 text-right">Become eligible</th>
              <th scope="col" className="py-2 pr-4">SMS</th>
              <th scope="col" className="py-2 pr-4 text-right">Devices only</th>
              <th scope="col" className="py-2">Other wave</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row" className="py-2 pr-4 font-medium text-slate-900">
                  {r.name}
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(r.becomeEligible)}</td>
                <td className="py-2 pr-4">{r.smsSupported ? "Yes" : "No"}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{formatCount(r.deviceOnly)}</td>
                <td className={`py-2 ${r.conflictWave ? "font-medium text-red-700" : "text-slate-500"}`}>{r.conflictWave ?? "—"}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 font-semibold">
            <tr>
              <th scope="row" className="py-2 pr-4">Total</th>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCount(totals.becomeEligible)}</td>
              <td />
              <td className="py-2 pr-4 text-right tabular-nums">{formatCount(totals.deviceOnly)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </Card>
  );
}
