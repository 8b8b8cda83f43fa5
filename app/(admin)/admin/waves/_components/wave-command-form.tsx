"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { waveCommandAction, type CommandState } from "../actions";

/**
 * One wave action (request, approve, reject, cancel, pause, resume) as its own small form. When the action needs a
 * comment or reason, the field is required and its text survives an error.
 */
export function WaveCommandForm({
  waveId,
  command,
  label,
  pendingLabel,
  reasonLabel,
  variant = "primary",
  confirmHref,
}: {
  waveId: number;
  command: "request" | "approve" | "reject" | "cancel" | "pause" | "resume";
  label: string;
  pendingLabel: string;
  reasonLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirmHref: string;
}) {
  const [state, action] = useActionState<CommandState | null, FormData>(waveCommandAction, null);
  const id = `${command}-reason`;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="waveId" value={waveId} />
      <input type="hidden" name="command" value={command} />
      {reasonLabel && (
        <div>
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {reasonLabel}
          </label>
          <textarea
            id={id}
            name="reason"
            rows={2}
            required
            minLength={3}
            maxLength={500}
            defaultValue={state?.ok ? "" : state?.reason}
            key={state?.ok ? "done" : "typing"}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
          />
        </div>
      )}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {state?.error && (
        <Notice tone="error">
          {state.error}{" "}
          {state.stepUp && (
            <Link href={confirmHref} className="font-semibold underline">
              Confirm it&apos;s you
            </Link>
          )}
        </Notice>
      )}
      {state?.ok && <Notice tone="success">{state.message}</Notice>}
    </form>
  );
}
