"use client";

import { ActionOutcome } from "@/components/admin/action-outcome";
import { ReasonField } from "@/components/admin/reason-field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { RoleRequestState } from "./actions";

/**
 * Approve a role request, or reject or withdraw it (with a reason for the audit log), as its own small form. The list
 * holds the action's state (role-requests.tsx); this form shows the refusal meant for it, and keeps the reason typed.
 */
export function RoleRequestForm({
  requestId,
  decision,
  action,
  state,
  label,
  forWhom,
  pendingLabel,
  reasonLabel,
  variant = "primary",
  confirmHref,
}: {
  requestId: number;
  decision: "approve" | "reject";
  action: (formData: FormData) => void;
  state: RoleRequestState | null;
  label: string;
  /** The account the request is for: read out with the button, as every request has the same buttons. */
  forWhom: string;
  pendingLabel: string;
  reasonLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirmHref: string;
}) {
  const refusal = state && !state.ok && state.requestId === requestId && state.decision === decision ? state : null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decision" value={decision} />
      {reasonLabel && <ReasonField id={`${decision}-reason-${requestId}`} label={reasonLabel} kept={refusal?.reason} />}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
        <span className="sr-only"> for {forWhom}</span>
      </SubmitButton>
      <ActionOutcome state={refusal} confirmHref={confirmHref} />
    </form>
  );
}
