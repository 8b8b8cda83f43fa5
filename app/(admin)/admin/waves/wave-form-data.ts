import { z } from "zod";
import type { RampStep } from "@/db/schema";
import type { WaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import { parseRecordId } from "@/lib/validation/record-id";

/** What the wave form sends back on an error, so nothing typed is lost. */
export interface WaveFormValues {
  name: string;
  countries: string[];
  start: "approval" | "at";
  startsAt: string;
  ramp: boolean;
  steps: { percent: string; afterHours: string }[];
}

export interface WaveFormState {
  values: WaveFormValues;
  error?: string;
  fieldErrors?: Partial<Record<"name" | "countries" | "startsAt" | "steps", string>>;
}

/** Pure: the form's fields as a draft, or the messages to show beside them. */
export function parseWaveForm(formData: FormData): { ok: true; waveId?: number; draft: WaveDraft; state: WaveFormState } | { ok: false; state: WaveFormState } {
  const percents = formData.getAll("stepPercent").map(String);
  const hours = formData.getAll("stepAfterHours").map(String);
  const values: WaveFormValues = {
    name: String(formData.get("name") ?? "").trim(),
    countries: formData.getAll("country").map(String),
    start: formData.get("start") === "at" ? "at" : "approval",
    startsAt: String(formData.get("startsAt") ?? ""),
    ramp: formData.get("ramp") === "on",
    steps: percents.map((percent, i) => ({ percent, afterHours: hours[i] ?? "" })),
  };
  const fieldErrors: WaveFormState["fieldErrors"] = {};
  if (values.name.length < 2 || values.name.length > 60) fieldErrors.name = "Give the wave a name of 2 to 60 characters.";
  else if (/\p{Cc}/u.test(values.name) || !values.name.isWellFormed()) fieldErrors.name = "Use letters, digits and punctuation only in the wave's name.";
  if (values.countries.length === 0) fieldErrors.countries = "Pick at least one country.";
  else if (values.countries.some((code) => !/^[A-Z]{2}$/.test(code))) fieldErrors.countries = "Pick countries from the list.";
  const startsAt = values.start === "at" ? new Date(values.startsAt) : null;
  if (values.start === "at" && (!values.startsAt || Number.isNaN(startsAt!.getTime()))) fieldErrors.startsAt = "Pick a date and time to start.";

  let rampSteps: RampStep[] = [{ percent: 100, afterMinutes: 0 }];
  if (values.ramp) {
    const step = z.object({ percent: z.coerce.number().int().min(1).max(100), afterHours: z.coerce.number().min(0).max(24 * 365) });
    const parsed = values.steps.map((s) => step.safeParse(s));
    if (parsed.some((p) => !p.success) || parsed.length === 0) fieldErrors.steps = "Each step needs a whole percent from 1 to 100 and a number of hours after the start.";
    else rampSteps = parsed.map((p) => ({ percent: p.data!.percent, afterMinutes: Math.round(p.data!.afterHours * 60) }));
  }
  if (Object.keys(fieldErrors).length) return { ok: false, state: { values, fieldErrors, error: "Check the highlighted fields." } };

  const id = parseRecordId(formData.get("waveId"));
  return {
    ok: true,
    state: { values },
    waveId: id ?? undefined,
    draft: { name: values.name, countryCodes: values.countries, startOnApproval: values.start === "approval", startsAt, rampSteps },
  };
}
