"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { pauseCountry, resumeCountry } from "@/lib/rollout/countries/pause-country";
import { setSmsSupport as setCountrySmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { describeError } from "../_lib/error-messages";
import { hasFreshStepUp, staffContext } from "../_lib/staff-context";

export interface SmsSupportState {
  ok: boolean;
  error?: string;
}

const countryCode = z.string().regex(/^[A-Z]{2}$/);

/** Sets a country's SMS carrier support (operator and up, audited). Fields: `country` (ISO code), `supported` ("true" | "false"). */
export async function setSmsSupport(_prev: SmsSupportState | null, formData: FormData): Promise<SmsSupportState> {
  const { actor } = await staffContext("operator");
  const input = z.object({ country: countryCode, supported: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(formData));
  if (!input.success) return { ok: false, error: "That request was not understood. Reload the page and try again." };
  try {
    await setCountrySmsSupport({ actor, countryCode: input.data.country, supported: input.data.supported === "true" });
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
  revalidatePath("/admin/regions", "layout");
  return { ok: true };
}

export interface CountryPauseState {
  ok: boolean;
  message?: string;
  error?: string;
  stepUp?: boolean;
  reason?: string;
}

/** Pause or resume one country (kill switch); needs a fresh step-up and a reason, and is audited. */
export async function countryPauseAction(_prev: CountryPauseState | null, formData: FormData): Promise<CountryPauseState> {
  const { actor, sessionId } = await staffContext("operator");
  const input = z.object({ country: countryCode, command: z.enum(["pause", "resume"]), reason: z.string().max(500).default("") }).safeParse(Object.fromEntries(formData));
  if (!input.success) return { ok: false, error: "That request was not understood. Reload the page and try again." };
  const { country, command, reason } = input.data;
  if (!(await hasFreshStepUp(sessionId, "rollout"))) return { ok: false, stepUp: true, reason, error: "Confirm it's you first: pausing and resuming need a code from the last 10 minutes." };
  try {
    if (command === "pause") await pauseCountry({ actor, countryCode: country, reason });
    else await resumeCountry({ actor, countryCode: country, reason });
  } catch (error) {
    return { ok: false, error: describeError(error), reason };
  }
  revalidatePath("/admin", "layout");
  redirect(`/admin/regions/${country}?done=${command}`);
}
