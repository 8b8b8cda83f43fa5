"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { requestSignUp } from "@/lib/accounts/request-sign-up";
import { signUpCookie, signUpCookieMaxAge } from "@/lib/accounts/sign-up-cookie";
import { clientIp } from "@/lib/auth/request-info";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { writeCookie } from "@/lib/http/app-cookie";
import { fieldErrors, signUpSchema } from "@/lib/validation/account";

/** Checks the form and emails a code; the account is created on /sign-up/confirm when the code comes back. */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const values = keepValues(formData, ["name", "email", "country"]);
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get("password") });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };

  const h = await headers();
  let requestId: string;
  try {
    ({ requestId } = await requestSignUp({ ...parsed.data, locale: await getLocale(), ip: clientIp(h) }));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "THROTTLED") return { values, errors: { email: "signUpThrottled" } };
    if (error.code === "WEAK_PASSWORD") return { values, errors: { password: `weak:${error.details.weakness}` } };
    if (error.code === "UNKNOWN_COUNTRY") return { values, errors: { country: "unknownCountry" } };
    throw error;
  }

  await writeCookie(signUpCookie, requestId, { sameSite: "lax", maxAge: signUpCookieMaxAge });
  redirect("/sign-up/confirm");
}
