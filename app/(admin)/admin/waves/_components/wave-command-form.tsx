"use client";

import { useActionState } from "react";
import { ActionOutcome } from "@/components/admin/action-outcome";
import { ReasonField } from "@/components/admin/reason-field";
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
  requestedAt,
  planSavedAt,
}: {
  waveId: number;
  command: "request" | "approve" | "reject" | "cancel" | "pause" | "resume";
  label: string;
  pendingLabel: string;
  reasonLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirmHref: string;
  /** Approve: the request this page shows, so an approval never lands on a plan asked for again since. */
  requestedAt?: Date | null;
  /** Request: the plan's last save this page shows, so nobody asks for approval of a plan edited since. */
  planSavedAt?: Date;
}) {
  const [state, action] = useActionState<CommandState | null, FormData>(waveCommandAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="waveId" value={waveId} />
      <input type="hidden" name="command" value={command} />
      {requestedAt !== undefined && <input type="hidden" name="requestedAt" value={requestedAt?.toISOString() ?? ""} />}
      {planSavedAt && <input type="hidden" name="planSavedAt" value={planSavedAt.toISOString()} />}
      {reasonLabel && <ReasonField id={`${command}-reason`} label={reasonLabel} kept={state?.reason} />}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <ActionOutcome state={state} confirmHref={confirmHref} />
    </form>
  );
}
