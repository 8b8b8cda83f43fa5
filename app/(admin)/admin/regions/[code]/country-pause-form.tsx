"use client";

import { useActionState } from "react";
import { ActionOutcome } from "@/components/admin/action-outcome";
import { ReasonField } from "@/components/admin/reason-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { countryPauseAction, type CountryPauseState } from "../actions";

export function CountryPauseForm({ country, countryName, paused, confirmHref }: { country: string; countryName: string; paused: boolean; confirmHref: string }) {
  const [state, action] = useActionState<CountryPauseState | null, FormData>(countryPauseAction, null);
  const command = paused ? "resume" : "pause";
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="country" value={country} />
      <input type="hidden" name="command" value={command} />
      <ReasonField id="country-reason" label={paused ? "Reason for resuming" : "Reason for pausing"} kept={state?.reason} />
      <SubmitButton variant={paused ? "primary" : "danger"} pendingLabel={paused ? "Resuming…" : "Pausing…"}>
        {paused ? `Resume ${countryName}` : `Pause ${countryName}`}
      </SubmitButton>
      <ActionOutcome state={state} confirmHref={confirmHref} />
    </form>
  );
}
