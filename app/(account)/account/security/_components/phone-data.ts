import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { db } from "@/db";
import { countries, trustedPhones } from "@/db/schema";
import { countryName } from "@/lib/countries/country-name";
import { listCountries } from "@/lib/countries/list-countries";
import { findPendingPhoneCode } from "@/lib/two-step/enrollment/find-pending-phone-code";
import { formatPhone } from "./format-phone";
import type { PhoneFormState } from "./phone-form-state";

/** Countries for the phone field, in the reader's language, plus whether our SMS reaches each one's carriers. */
export async function phoneCountries(locale: string) {
  const [rows, sms] = await Promise.all([
    listCountries(),
    db.select({ code: countries.code }).from(countries).where(eq(countries.smsSupported, true)),
  ]);
  const smsCodes = new Set(sms.map((r) => r.code));
  return {
    countries: rows.map((c) => ({ code: c.code, name: countryName(c.code, locale, c.name) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    smsSupported: (code: string) => smsCodes.has(code),
  };
}

/** The account's verified, active trusted phones, oldest first. */
export async function verifiedPhones(userId: string) {
  const rows = await db
    .select({ id: trustedPhones.id, e164: trustedPhones.e164, countryCode: trustedPhones.countryCode, verifiedAt: trustedPhones.verifiedAt })
    .from(trustedPhones)
    .where(and(eq(trustedPhones.userId, userId), isNotNull(trustedPhones.verifiedAt), isNull(trustedPhones.removedAt)))
    .orderBy(asc(trustedPhones.verifiedAt));
  return rows.map((r) => ({ ...r, display: formatPhone(r.e164) }));
}

/** The phone form as this session left it: at the code field while a texted code still works, so a reload resumes. */
export async function pendingPhoneForm(userId: string, sessionId: string): Promise<PhoneFormState> {
  const pending = await findPendingPhoneCode({ userId, sessionId });
  if (!pending) return {};
  const number = parsePhoneNumberFromString(pending.e164)?.formatNational() ?? pending.e164;
  return { stage: "code", phoneId: pending.phoneId, challengeId: pending.challengeId, display: formatPhone(pending.e164), values: { number, country: pending.countryCode } };
}
