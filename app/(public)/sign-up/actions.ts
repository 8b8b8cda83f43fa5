"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { signIn } from "@/auth";
import { createAccount } from "@/lib/accounts/create-account";
import { clientIp } from "@/lib/auth/request-info";
import { AppError } from "@/lib/errors";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { fieldErrors, signUpSchema } from "@/lib/validation/account";

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = keepValues(formData, ["name", "email", "country"]);
  const parsed = signUpSchema.safeParse({ ...values, password: formData.get("password") });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };

  try {
    await createAccount({ ...parsed.data, locale: await getLocale(), ip: clientIp(await headers()) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "THROTTLED") return { values, errors: { email: "signUpThrottled" } };
    if (error.code === "WEAK_PASSWORD") return { values, errors: { password: `weak:${error.details.weakness}` } };
    if (error.code === "UNKNOWN_COUNTRY") return { values, errors: { country: "unknownCountry" } };
    return { values, errors: { email: "emailTaken" } };
  }

  // Signing in opens the first session row; signIn redirects (it throws NEXT_REDIRECT, which must propagate).
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/account" });
  return {};
}
