"use client";

import { useActionState, useMemo, useState } from "react";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldsAsLeft } from "@/components/ui/use-fields-as-left";
import { matchesCountry } from "@/lib/countries/matches-country";
import { saveWaveAction } from "../actions";
import { defaultRamp } from "../default-ramp";
import type { WaveFormState, WaveFormValues } from "../wave-form-data";

export interface PickableCountry {
  code: string;
  name: string;
  /** Other names the search finds it by ("USA", "UK"). */
  aliases: string[];
  sms: boolean;
  /** The other wave holding this country, if any: picking it is refused when saving. */
  otherWave: string | null;
}

/** datetime-local shows the browser's time; the server gets an exact instant (ISO, UTC). */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function WaveForm({ waveId, countries, initial }: { waveId?: number; countries: PickableCountry[]; initial: WaveFormValues }) {
  const [state, action] = useActionState<WaveFormState | null, FormData>(saveWaveAction, null);
  const values = state?.values ?? initial;
  const errors = state?.fieldErrors ?? {};
  // The form remounts with what the server sent back after an error, so typed values are kept.
  return (
    <form action={action} key={JSON.stringify(values)} className="space-y-6" noValidate>
      {waveId && <input type="hidden" name="waveId" value={waveId} />}
      {state?.error && <Notice tone="error">{state.error}</Notice>}
      <TextField id="name" label="Wave name" defaultValue={values.name} error={errors.name} maxLength={60} required />
      <CountryPicker countries={countries} initial={values.countries} error={errors.countries} />
      <StartFields initial={values} error={errors.startsAt} />
      <RampFields initial={values} error={errors.steps} />
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-5">
        <SubmitButton pendingLabel="Saving…">{waveId ? "Save changes" : "Save draft"}</SubmitButton>
        <p className="self-center text-sm text-slate-600">Drafts change nothing for account holders. You can check the impact before asking for approval.</p>
      </div>
    </form>
  );
}

function CountryPicker({ countries, initial, error }: { countries: PickableCountry[]; initial: string[]; error?: string }) {
  const [picked, setPicked] = useState<string[]>(initial);
  const [query, setQuery] = useState("");
  const byCode = useMemo(() => new Map(countries.map((c) => [c.code, c])), [countries]);
  const shown = countries.filter((c) => matchesCountry(query, c));
  const toggle = (code: string) => setPicked((p) => (p.includes(code) ? p.filter((c) => c !== code) : [...p, code]));
  const fields = useFieldsAsLeft<HTMLFieldSetElement>((fieldset) => {
    const ticked = [...fieldset.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].filter((box) => box.checked).map((box) => box.value);
    if (ticked.join() !== initial.join()) setPicked(ticked);
    const typed = fieldset.querySelector<HTMLInputElement>("#country-search")?.value;
    if (typed) setQuery(typed);
  });

  return (
    <fieldset ref={fields} className="space-y-2" aria-describedby={error ? "countries-error" : undefined}>
      <legend className="text-sm font-medium text-slate-800">Countries</legend>
      {picked.map((code) => (
        <input key={code} type="hidden" name="country" value={code} />
      ))}
      <ul aria-label="Picked countries" className="flex min-h-9 flex-wrap gap-2">
        {picked.length === 0 && <li className="text-sm text-slate-600">None picked yet — search below and tick the countries to launch together.</li>}
        {picked.map((code) => (
          <li key={code} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pl-3 pr-1 text-sm text-brand-800 ring-1 ring-brand-100">
            {byCode.get(code)?.name ?? code}
            <button type="button" onClick={() => toggle(code)} aria-label={`Remove ${byCode.get(code)?.name ?? code}`} className="rounded-full px-1.5 text-brand-800 hover:bg-brand-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
              ×
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor="country-search" className="block text-sm text-slate-700">
        Search countries
      </label>
      <input
        id="country-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="e.g. France or FR"
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <div className="max-h-64 overflow-y-auto rounded-lg ring-1 ring-slate-200">
        {shown.length === 0 ? (
          <p className="p-3 text-sm text-slate-600">No country matches “{query}”.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {shown.map((c) => (
              <li key={c.code}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                  <input type="checkbox" value={c.code} checked={picked.includes(c.code)} onChange={() => toggle(c.code)} className="size-4 accent-brand-600" />
                  <span className="flex-1 text-slate-900">
                    {c.name} <span className="text-slate-500">{c.code}</span>
                  </span>
                  {!c.sms && <span className="text-xs text-slate-600">devices only</span>}
                  {c.otherWave && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">in {c.otherWave}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id="countries-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function StartFields({ initial, error }: { initial: WaveFormValues; error?: string }) {
  const [start, setStart] = useState(initial.start);
  const [iso, setIso] = useState(initial.startsAt);
  const fields = useFieldsAsLeft<HTMLFieldSetElement>((fieldset) => {
    const chosen = fieldset.querySelector<HTMLInputElement>("input[name=start]:checked")?.value;
    if (chosen === "approval" || chosen === "at") setStart(chosen);
    const typed = fieldset.querySelector<HTMLInputElement>("#startsAtLocal")?.value;
    if (typed) setIso(new Date(typed).toISOString());
  });
  return (
    <fieldset ref={fields} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">Start</legend>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="radio" name="start" value="approval" checked={start === "approval"} onChange={() => setStart("approval")} className="accent-brand-600" />
        As soon as it is approved
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="radio" name="start" value="at" checked={start === "at"} onChange={() => setStart("at")} className="accent-brand-600" />
        At a date and time
      </label>
      {start === "at" && (
        <div className="pl-6">
          <label htmlFor="startsAtLocal" className="block text-sm text-slate-700">
            Start time (your time zone)
          </label>
          <input
            id="startsAtLocal"
            type="datetime-local"
            defaultValue={toLocalInput(initial.startsAt)}
            onChange={(e) => setIso(e.target.value ? new Date(e.target.value).toISOString() : "")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "startsAt-error" : undefined}
            className="mt-1 rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
          />
          <input type="hidden" name="startsAt" value={iso} />
        </div>
      )}
      {error && (
        <p id="startsAt-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function RampFields({ initial, error }: { initial: WaveFormValues; error?: string }) {
  const [ramp, setRamp] = useState(initial.ramp);
  const [steps, setSteps] = useState(initial.steps.length ? initial.steps : defaultRamp);
  const update = (i: number, key: "percent" | "afterHours", value: string) => setSteps((s) => s.map((step, j) => (j === i ? { ...step, [key]: value } : step)));
  const fields = useFieldsAsLeft<HTMLFieldSetElement>((fieldset) => {
    setRamp(!!fieldset.querySelector<HTMLInputElement>("input[name=ramp]")?.checked);
    const percents = [...fieldset.querySelectorAll<HTMLInputElement>("input[name=stepPercent]")];
    const hours = [...fieldset.querySelectorAll<HTMLInputElement>("input[name=stepAfterHours]")];
    if (percents.length) setSteps(percents.map((percent, i) => ({ percent: percent.value, afterHours: hours[i]?.value ?? "" })));
  });
  return (
    <fieldset ref={fields} className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">Ramp</legend>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="ramp" checked={ramp} onChange={(e) => setRamp(e.target.checked)} className="size-4 accent-brand-600" />
        Ramp up gradually (otherwise every account is offered 2SV at the start)
      </label>
      {ramp && (
        <div className="space-y-2 pl-6">
          <p className="text-sm text-slate-600">
            Each account gets a fixed place in the ramp, so anyone offered 2SV stays offered as the share rises.
          </p>
          <ol className="space-y-2">
            {steps.map((step, i) => (
              <li key={i} className="flex flex-wrap items-end gap-3">
                <div>
                  <label htmlFor={`step-${i}-percent`} className="block text-xs text-slate-700">
                    Step {i + 1}: share of accounts (%)
                  </label>
                  <input id={`step-${i}-percent`} name="stepPercent" inputMode="numeric" value={step.percent} onChange={(e) => update(i, "percent", e.target.value)} className="mt-1 w-24 rounded-lg border border-slate-300 px-3 py-2 text-sm" />
                </div>
                <div>
                  <label htmlFor={`step-${i}-hours`} className="block text-xs text-slate-700">
                    Hours after start
                  </label>
                  <input id={`step-${i}-hours`} name="stepAfterHours" inputMode="decimal" value={step.afterHours} onChange={(e) => update(i, "afterHours", e.target.value)} className="mt-1 w-24 rounded-lg border border-slate-300 px-3 py-2 text-sm" />
                </div>
                {steps.length > 1 && (
                  <button type="button" onClick={() => setSteps((s) => s.filter((_, j) => j !== i))} className="rounded-md px-2 py-2 text-sm text-slate-700 hover:bg-slate-100" aria-label={`Remove step ${i + 1}`}>
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => setSteps((s) => [...s, { percent: "", afterHours: "" }])} className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
            Add a step
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
