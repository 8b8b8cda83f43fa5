"use server";

import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { resetPasswordWithEmailLink } from "@/lib/recovery/reset-password-with-email-link";

export interface ResetState extends FormState {
  done?: boolean;
  invalid?: boolean;
}

/** Reset without 2SV: the emailed link (hidden field) + the security answers + a new password. Nothing secret is echoed. */
export async function resetWithEmailLinkAction(_prev: ResetState, formData: FormData): Promise<ResetState> {
  formData = formOf(formData);
  const token = String(formData.get("token") ?? "");
  const withQuestions = formData.get("withQuestions") === "1";
  const answers = { 1: String(formData.get("answer1") ?? ""), 2: String(formData.get("answer2") ?? ""), 3: String(formData.get("answer3") ?? "") };
  const newPassword = String(formData.get("newPassword") ?? "");
  const confirmPassword = String(formData.get("confirmPassword") ?? "");

  const errors: Record<string, string> = {};
  if (withQuestions) for (const n of [1, 2, 3] as const) if (!answers[n].trim()) errors[`answer${n}`] = "answerRequired";
  if (!newPassword) errors.newPassword = "newPasswordRequired";
  if (!confirmPassword) errors.confirmPassword = "confirmRequired";
  else if (newPassword && confirmPassword !== newPassword) errors.confirmPassword = "passwordMismatch";
  if (Object.keys(errors).length) return { errors };

  try {
    await resetPasswordWithEmailLink({ token, answers, newPassword, userAgent: (await headers()).get("user-agent") ?? "" });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    switch (error.code) {
      case "WEAK_PASSWORD":
        return { errors: { newPassword: String(error.details.reason) } };
      case "WRONG_ANSWERS":
        return { message: { key: "wrongAnswers" } };
      case "THROTTLED":
        return { message: { key: "throttled", values: { retryAt: String(error.details.retryAt) } } };
      default:
        return { invalid: true };
    }
  }
  return { done: true };
}
