"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { countryPauseAction, type CountryPauseState } from "../actions";

export function CountryPauseForm({ country, countryName, paused, confirmHref }: { country: string; countryName: string; paused: boolean; confirmHref: string }) {
  const [state, action] = useActionState<CountryPauseState | null, FormData>(countryPauseAction, null);
  const command = paused ? "resume" : "pause";
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="country" value={country} />
      <input type="hidden" name="command" value={command} />
      <div>
        <label htmlFor="country-reason" className="block text-sm font-medium text-slate-800">
          {paused ? "Reason for resuming" : "Reason for pausing"}
        </label>
        <textarea
          id="country-reason"
          name="reason"
          rows={2}
          required
          minLength={3}
          maxLength={500}
          key={state?.ok ? "done" : "typing"}
          defaultValue={state?.ok ? "" : state?.reason}
          className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
      </div>
      <SubmitButton variant={paused ? "primary" : "danger"} pendingLabel={paused ? "Resuming…" : "Pausing…"}>
        {paused ? `Resume ${countryName}` : `Pause ${countryName}`}
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
