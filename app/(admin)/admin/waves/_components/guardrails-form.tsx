"use client";

import { useActionState } from "react";
import { ActionOutcome } from "@/components/admin/action-outcome";
import { Card } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { guardrailsAction, type CommandState } from "../actions";

const input = "mt-1 w-24 rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-50";

/** The wave's automatic brakes: crossing a threshold over the last hour pauses that country and tells staff. */
export function GuardrailsForm({ waveId, editable, sms, code, sample, confirmHref }: { waveId: number; editable: boolean; sms: number; code: number; sample: number; confirmHref: string }) {
  const [state, action] = useActionState<CommandState | null, FormData>(guardrailsAction, null);
  return (
    <Card title="Guardrails" description="Rates of accounts, not of tries: if, over the last hour, a country of this wave crosses a threshold, it is paused automatically and staff see a banner.">
      <form action={action} className="space-y-4">
        <input type="hidden" name="waveId" value={waveId} />
        <div className="flex flex-wrap gap-6">
          <div>
            <label htmlFor="guard-sms" className="block text-sm font-medium text-slate-800">SMS delivery failure rate (%)</label>
            <input id="guard-sms" name="sms" inputMode="numeric" defaultValue={sms} disabled={!editable} className={input} />
          </div>
          <div>
            <label htmlFor="guard-code" className="block text-sm font-medium text-slate-800">Code failure rate (%)</label>
            <input id="guard-code" name="code" inputMode="numeric" defaultValue={code} disabled={!editable} className={input} />
          </div>
          <div>
            <label htmlFor="guard-sample" className="block text-sm font-medium text-slate-800">Minimum accounts before judging</label>
            <input id="guard-sample" name="sample" inputMode="numeric" defaultValue={sample} disabled={!editable} className={input} />
          </div>
        </div>
        {editable ? <SubmitButton variant="secondary" pendingLabel="Saving…">Save guardrails</SubmitButton> : <p className="text-sm text-slate-600">Admins set guardrails.</p>}
        <ActionOutcome state={state} confirmHref={confirmHref} />
      </form>
    </Card>
  );
}
