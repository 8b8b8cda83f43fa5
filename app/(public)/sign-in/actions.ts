"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { fieldErrors, signInSchema } from "@/lib/validation/account";

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const values = keepValues(formData, ["email"]);
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { values, errors: fieldErrors(parsed.error) };

  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeRedirect(formData.get("callbackUrl")) });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own refusals are turned into a message.
    if (!(error instanceof AuthError)) throw error;
    const code = error instanceof CredentialsSignin ? error.code : "";
    if (code.startsWith("THROTTLED:")) {
      return { values, message: { key: "throttled", values: { retryAt: code.slice("THROTTLED:".length) } } };
    }
    if (code === "LOCKED") return { values, message: { key: "locked" } };
    return { values, message: { key: "invalid" } };
  }
}
