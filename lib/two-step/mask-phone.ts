import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+33 6 12 34 56 78" → "+33 •• •• •• •• 78": enough to recognise your own phone, not to learn someone else's. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return `••••${e164.slice(-2)}`;
  const national = parsed.formatNational();
  let digitsLeft = national.replace(/\D/g, "").length;
  const masked = national.replace(/\d/g, (d) => (--digitsLeft < 2 ? d : "•"));
  return `+${parsed.countryCallingCode} ${masked}`;
}
