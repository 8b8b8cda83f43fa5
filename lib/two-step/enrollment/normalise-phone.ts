import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export type PhoneProblem = "PHONE_REQUIRED" | "PHONE_INVALID" | "PHONE_LANDLINE";

export type NormalisedPhone =
  | { ok: true; e164: string; countryCode: string; international: string }
  | { ok: false; problem: PhoneProblem };

/**
 * Pure. What a person typed ("(201) 555-0123", "06 12 34 56 78", "+44 7700 900123") → E.164 and the number's own
 * country. National numbers are read in `defaultCountry` (the account's, or the one picked beside the field); a
 * number starting with + keeps its own country. Landlines are refused: they cannot receive a text.
 */
export function normalisePhone(input: string, defaultCountry: string): NormalisedPhone {
  const typed = input.trim();
  if (!typed) return { ok: false, problem: "PHONE_REQUIRED" };
  if (typed.length > 40 || /[^\d\s()+.\-/]/.test(typed.replace(/^\+/, ""))) return { ok: false, problem: "PHONE_INVALID" };
  const parsed = parsePhoneNumberFromString(typed, defaultCountry.toUpperCase() as CountryCode);
  if (!parsed || !parsed.isValid() || !parsed.country) return { ok: false, problem: "PHONE_INVALID" };
  if (parsed.getType() === "FIXED_LINE") return { ok: false, problem: "PHONE_LANDLINE" };
  return { ok: true, e164: parsed.number, countryCode: parsed.country, international: parsed.formatInternational() };
}
