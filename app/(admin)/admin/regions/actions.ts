"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formOf } from "@/lib/forms/form-of";
import { pauseCountry, resumeCountry } from "@/lib/rollout/countries/pause-country";
import { setSmsSupport as setCountrySmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { describeError } from "../_lib/error-messages";
import { hasFreshStepUp, staffContext } from "../_lib/staff-context";

const countryCode = z.string().regex(/^[A-Z]{2}$/);

export interface SmsSupportState {
  ok: boolean;
  error?: string;
  stepUp?: boolean;
  reason?: string;
}

/**
 * Sets a country's SMS carrier support (operator and up): a fresh step-up and a reason, audited. Fields: `country`
 * (ISO code), `supported` ("true" | "false"), `reason`.
 */
export async function setSmsSupport(_prev: SmsSupportState | null, formData: FormData): Promise<SmsSupportState> {
  formData = formOf(formData);
  const { actor, sessionId } = await staffContext("operator");
  const input = z.object({ country: countryCode, supported: z.enum(["true", "false"]), reason: z.string().max(500).default("") }).safeParse(Object.fromEntries(formData));
  if (!input.success) return { ok: false, error: "That request was not understood. Reload the page and try again." };
  const { country, supported, reason } = input.data;
  if (!(await hasFreshStepUp(sessionId, "rollout"))) return { ok: false, stepUp: true, reason, error: "Confirm it's you first: changing SMS support needs a code from the last 10 minutes." };
  try {
    await setCountrySmsSupport({ actor, countryCode: country, supported: supported === "true", reason });
  } catch (error) {
    await recordRefusal(actor, { action: "country.sms", targetType: "country", targetId: country }, error);
    return { ok: false, error: describeError(error), reason };
  }
  revalidatePath("/admin", "layout");
  redirect(`/admin/regions/${country}?done=${supported === "true" ? "sms-on" : "sms-off"}`);
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
  formData = formOf(formData);
  const { actor, sessionId } = await staffContext("operator");
  const input = z.object({ country: countryCode, command: z.enum(["pause", "resume"]), reason: z.string().max(500).default("") }).safeParse(Object.fromEntries(formData));
  if (!input.success) return { ok: false, error: "That request was not understood. Reload the page and try again." };
  const { country, command, reason } = input.data;
  if (!(await hasFreshStepUp(sessionId, "rollout"))) return { ok: false, stepUp: true, reason, error: "Confirm it's you first: pausing and resuming need a code from the last 10 minutes." };
  try {
    if (command === "pause") await pauseCountry({ actor, countryCode: country, reason });
    else await resumeCountry({ actor, countryCode: country, reason });
  } catch (error) {
    await recordRefusal(actor, { action: `country.${command}`, targetType: "country", targetId: country }, error);
    return { ok: false, error: describeError(error), reason };
  }
  revalidatePath("/admin", "layout");
  redirect(`/admin/regions/${country}?done=${command}`);
}
