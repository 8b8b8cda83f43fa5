"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { resendSignUpCode } from "@/lib/accounts/request-sign-up";
import { signUpCookie } from "@/lib/accounts/sign-up-cookie";
import { currentSession } from "@/lib/auth/current-user";
import { normalizeSignUpCode } from "@/lib/accounts/sign-up-policy";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { deleteCookie, readCookie } from "@/lib/http/app-cookie";
import type { FormState } from "@/lib/forms/form-state";

// Domain refusals → message keys of signUp.errors.
const refusals: Record<string, string> = {
  WRONG_CODE: "wrongCode",
  TOO_MANY_TRIES: "tooManyTries",
  SIGN_UP_EXPIRED: "expired",
  EMAIL_TAKEN: "emailTaken",
  TOO_MANY_SENDS: "tooManySends",
  RESEND_WAIT: "resendWait",
};

/**
 * The emailed code; the "sign-up" provider in auth.ts creates the account and signs it in, then /account. The same
 * form's other button asks for a new code.
 */
export async function confirmSignUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  // A signed-in browser has an account already: a second one would replace its session cookie, not end its session.
  if (await currentSession()) redirect("/account");
  if (formData.get("button") === "resend") return resendCode();
  const code = normalizeSignUpCode(String(formData.get("code") ?? "")).slice(0, 20);
  if (!/^\d{6}$/.test(code)) return { errors: { code: "codeFormat" } };
  try {
    await signIn("sign-up", { code, redirectTo: "/account" });
    return {};
  } catch (error) {
    // signIn redirects by throwing (success: the request is spent, so its cookie goes); only Auth.js's own
    // refusals become a message.
    if (!(error instanceof AuthError)) {
      await deleteCookie(signUpCookie);
      throw error;
    }
    const [refusal = "", triesLeft = "0"] = (error instanceof CredentialsSignin ? error.code : "").split(":");
    return { errors: { code: refusals[refusal] ?? "expired" }, message: { key: "code", values: { triesLeft } } };
  }
}

/** A new code to the same address (the old one stops working). */
async function resendCode(): Promise<FormState> {
  try {
    await resendSignUpCode({ requestId: (await readCookie(signUpCookie)) ?? "" });
    return { message: { key: "resent" } };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { errors: { code: refusals[error.code] ?? "expired" } };
  }
}
