"use client";

import { useActionState } from "react";
import { ActionOutcome } from "@/components/admin/action-outcome";
import { ReasonField } from "@/components/admin/reason-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { setSmsSupport, type SmsSupportState } from "../actions";

export function CountrySmsForm({ country, countryName, supported, confirmHref }: { country: string; countryName: string; supported: boolean; confirmHref: string }) {
  const [state, action] = useActionState<SmsSupportState | null, FormData>(setSmsSupport, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="country" value={country} />
      <input type="hidden" name="supported" value={supported ? "false" : "true"} />
      <ReasonField id="sms-reason" label={supported ? "Reason for turning SMS off" : "Reason for turning SMS on"} kept={state?.reason} />
      <SubmitButton variant={supported ? "danger" : "primary"} pendingLabel="Saving…">
        {supported ? `Turn off SMS for ${countryName}` : `Turn on SMS for ${countryName}`}
      </SubmitButton>
      <ActionOutcome state={state} confirmHref={confirmHref} />
    </form>
  );
}
