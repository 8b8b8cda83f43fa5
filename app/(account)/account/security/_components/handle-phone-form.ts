import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getLocale } from "next-intl/server";
import { requestContext } from "@/lib/auth/request-context";
import { countryName } from "@/lib/countries/country-name";
import { AppError } from "@/lib/errors";
import { challengeFeedback } from "@/lib/two-step/challenge-messages";
import { abandonPhoneCode } from "@/lib/two-step/enrollment/abandon-phone-code";
import { addTrustedPhone } from "@/lib/two-step/enrollment/add-trusted-phone";
import { verifyTrustedPhone } from "@/lib/two-step/enrollment/verify-trusted-phone";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { textProblemOf } from "@/lib/two-step/text-delivery";
import type { PhoneFormState } from "./phone-form-state";


/**
 * The one server side of <PhoneForm>, shared by the wizard and the phones page (each checks its own guard first).
 * intent=add: validate + text a code · resend: a new code to the same phone · verify: check the code · change: start over.
 */
export async function handlePhoneForm({
  formData,
  userId,
  sessionId,
  accountCountry,
  revalidate,
}: {
  formData: FormData;
  userId: string;
  sessionId: string;
  accountCountry: string;
  revalidate: string;
}): Promise<PhoneFormState> {
  const intent = formData.get("intent");
  const locale = await getLocale();
  const number = String(formData.get("number") ?? "").slice(0, 60);
  const country = String(formData.get("country") ?? accountCountry).slice(0, 2).toUpperCase() || accountCountry;
  const values = { number, country };
  const phoneId = String(formData.get("phoneId") ?? "");
  const display = String(formData.get("display") ?? "").slice(0, 40);

  if (intent === "change") {
    if (z.uuid().safeParse(phoneId).success) await abandonPhoneCode({ userId, sessionId, phoneId });
    return { stage: "number", values };
  }

  if (intent === "add") {
    try {
      const added = await addTrustedPhone({ userId, sessionId, number, country, locale, request: await requestContext() });
      return { stage: "code", phoneId: added.phoneId, challengeId: added.challengeId, display: added.international, textProblem: textProblemOf(added.delivery), values };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      switch (error.code) {
        case "PHONE_REQUIRED":
        case "PHONE_INVALID":
        case "PHONE_LANDLINE":
        case "PHONE_EXISTS":
        case "TOO_MANY_PHONES":
          return { stage: "number", values, errors: { number: error.code } };
        case "SMS_UNSUPPORTED": {
          const code = String(error.details.countryCode ?? country);
          return { stage: "number", values, errors: { number: error.code }, errorValues: { country: countryName(code, locale, code) } };
        }
        case "NOT_ENROLLING":
          return { stage: "number", values, errors: { number: "NOT_ENROLLING" } };
        default:
          // LOCKED, RESEND_TOO_SOON: the number was fine, the code could not go out now.
          return { stage: "number", values, feedback: challengeFeedback(error) };
      }
    }
  }

  if (!z.uuid().safeParse(phoneId).success) return { stage: "number", values };

  if (intent === "resend") {
    try {
      const issued = await issueChallenge({ userId, sessionId, purpose: "enroll_phone", method: "sms", phoneId, locale, request: await requestContext() });
      return { stage: "code", phoneId, challengeId: issued.challengeId, display, textProblem: textProblemOf(issued.delivery), values, notice: { key: "resent" } };
    } catch (error) {
      return { stage: "code", phoneId, challengeId: String(formData.get("challengeId") ?? ""), display, values, feedback: challengeFeedback(error) };
    }
  }

  // intent === "verify"
  const challengeId = String(formData.get("challengeId") ?? "");
  const code = String(formData.get("code") ?? "").trim();
  const back = { stage: "code" as const, phoneId, challengeId, display, values };
  if (!code) return { ...back, errors: { code: "codeRequired" } };
  try {
    await verifyTrustedPhone({ userId, sessionId, phoneId, challengeId, code });
  } catch (error) {
    return { ...back, feedback: challengeFeedback(error) };
  }
  revalidatePath(revalidate);
  return { stage: "verified", display, values: { country } };
}
