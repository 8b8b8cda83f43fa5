import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { countries, enrollments, trustedPhones, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { issueChallenge, type RequestContext } from "../issue-challenge";
import { normalisePhone, type PhoneProblem } from "./normalise-phone";

export type AddTrustedPhoneError = PhoneProblem | "SMS_UNSUPPORTED" | "PHONE_EXISTS" | "TOO_MANY_PHONES" | "NOT_ENROLLING";

export const maxTrustedPhones = 5;

/**
 * Adds a phone (unverified) and texts it a code (purpose "enroll_phone"). The number is validated and normalised to
 * E.164 for its own country; it is refused where our SMS does not reach local carriers, so the owner relies on
 * trusted devices there. Only during an enrollment or with 2SV on (the caller checks step-up for the latter).
 */
export async function addTrustedPhone(input: {
  userId: string;
  sessionId: string;
  number: string;
  /** The country to read a national number in: the one picked beside the field, else the account's. */
  country: string;
  locale?: string;
  request: RequestContext;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const phone = normalisePhone(input.number, input.country);
  if (!phone.ok) throw new AppError<AddTrustedPhoneError>(phone.problem);

  const [[user], [enrollment], [country]] = await Promise.all([
    db.select({ twoStepEnabledAt: users.twoStepEnabledAt }).from(users).where(eq(users.id, input.userId)),
    db.select({ step: enrollments.step }).from(enrollments).where(eq(enrollments.userId, input.userId)),
    db.select({ smsSupported: countries.smsSupported }).from(countries).where(eq(countries.code, phone.countryCode)),
  ]);
  if (!user || (!user.twoStepEnabledAt && (!enrollment || enrollment.step === "explain"))) throw new AppError<AddTrustedPhoneError>("NOT_ENROLLING");
  if (!country?.smsSupported) throw new AppError<AddTrustedPhoneError>("SMS_UNSUPPORTED", { countryCode: phone.countryCode });

  const phoneId = await db.transaction(async (tx) => {
    const active = await tx
      .select({ id: trustedPhones.id, e164: trustedPhones.e164, verifiedAt: trustedPhones.verifiedAt })
      .from(trustedPhones)
      .where(and(eq(trustedPhones.userId, input.userId), isNull(trustedPhones.removedAt)));
    const verified = active.filter((p) => p.verifiedAt);
    if (verified.some((p) => p.e164 === phone.e164)) throw new AppError<AddTrustedPhoneError>("PHONE_EXISTS");
    if (verified.length >= maxTrustedPhones) throw new AppError<AddTrustedPhoneError>("TOO_MANY_PHONES");
    // A number added earlier but never verified is abandoned: the new one replaces it.
    for (const p of active.filter((p) => !p.verifiedAt)) await tx.delete(trustedPhones).where(eq(trustedPhones.id, p.id));
    const [row] = await tx
      .insert(trustedPhones)
      .values({ userId: input.userId, e164: phone.e164, countryCode: phone.countryCode, createdAt: now })
      .returning({ id: trustedPhones.id });
    return row!.id;
  });

  const issued = await issueChallenge({
    userId: input.userId,
    sessionId: input.sessionId,
    purpose: "enroll_phone",
    method: "sms",
    phoneId,
    locale: input.locale,
    request: input.request,
    now,
  });
  return { phoneId, e164: phone.e164, international: phone.international, countryCode: phone.countryCode, ...issued };
}
