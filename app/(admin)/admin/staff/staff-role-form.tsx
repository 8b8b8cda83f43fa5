"use client";

import { useActionState } from "react";
import { ActionOutcome } from "@/components/admin/action-outcome";
import { useStaffDraft } from "@/components/admin/use-staff-draft";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { setStaffRoleAction, type StaffRoleState } from "./actions";

export function StaffRoleForm({ confirmHref, email = "", role = "viewer", compact = false }: { confirmHref: string; email?: string; role?: string; compact?: boolean }) {
  const [state, action] = useActionState<StaffRoleState | null, FormData>(setStaffRoleAction, null);
  const id = compact ? `role-${email}` : "role";
  // The form for a new role survives the trip to "Confirm it's you"; a row's form shows that member's role as it is.
  const kept = state && !state.ok ? state : null;
  useStaffDraft(compact ? null : "email", kept?.email);
  useStaffDraft(compact ? null : "role", kept?.role);
  useStaffDraft(compact ? null : "reason", kept?.reason);
  return (
    // In a row of the team table the row says whose role it is: the labels are read out, not shown.
    <form action={action} className={compact ? "flex flex-wrap items-start gap-2" : "space-y-4"} key={state?.ok ? state.message : "form"}>
      {compact ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <TextField id="email" label="Account email" type="email" autoComplete="off" defaultValue={state?.ok ? "" : (state?.email ?? email)} required />
      )}
      <div className={compact ? "w-36" : "max-w-xs"}>
        <SelectField id={id} name="role" label={compact ? `Role for ${email}` : "Role"} hideLabel={compact} defaultValue={state?.ok ? role : (state?.role ?? role)}>
          <option value="viewer">{compact ? "Viewer" : "Viewer — read only"}</option>
          <option value="operator">{compact ? "Operator" : "Operator — plan, request, pause"}</option>
          <option value="admin">{compact ? "Admin" : "Admin — approve, staff, policy"}</option>
          <option value="user">No staff role</option>
        </SelectField>
      </div>
      <div className={compact ? "w-48" : undefined}>
        <TextField
          id={compact ? `reason-${email}` : "reason"}
          name="reason"
          label={compact ? `Reason for ${email}` : "Reason"}
          hideLabel={compact}
          placeholder={compact ? "Reason (audit log)" : undefined}
          hint={compact ? undefined : "Why this person needs this role. It goes into the audit log."}
          autoComplete="off"
          maxLength={500}
          defaultValue={state?.ok ? "" : (state?.reason ?? "")}
          required
        />
      </div>
      <SubmitButton variant={compact ? "secondary" : "primary"} pendingLabel="Saving…">
        {compact ? "Change" : "Ask for role"}
      </SubmitButton>
      <ActionOutcome state={state} confirmHref={confirmHref} />
    </form>
  );
}
