import { parsePhoneNumberFromString } from "libphonenumber-js";

/** "+12015550123" → "+1 201 555 0123" for the owner's own eyes (elsewhere numbers are masked). */
export const formatPhone = (e164: string) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
