"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { changePassword } from "@/lib/account-changes/change-password";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { requireStepUp } from "@/lib/two-step/step-up";

const path = "/account/password";

export interface PasswordState extends FormState {
  done?: boolean;
}

export async function changePasswordAction(_prev: PasswordState, formData: FormData): Promise<PasswordState> {
  formData = formOf(formData);
  const { user, session } = await requireUser(path);
  await requireStepUp({ sessionId: session.id, action: "password", returnTo: path });
  const currentPassword = String(formData.get("currentPassword") ?? "");
  const newPassword = String(formData.get("newPassword") ?? "");
  const confirmPassword = String(formData.get("confirmPassword") ?? "");

  // Passwords are secrets: nothing typed is ever sent back to the form.
  const errors: Record<string, string> = {};
  if (!currentPassword) errors.currentPassword = "currentPasswordRequired";
  if (!newPassword) errors.newPassword = "newPasswordRequired";
  if (!confirmPassword) errors.confirmPassword = "confirmRequired";
  else if (newPassword && confirmPassword !== newPassword) errors.confirmPassword = "passwordMismatch";
  if (Object.keys(errors).length) return { errors };

  try {
    await changePassword({ userId: user.id, sessionId: session.id, deviceToken: await readDeviceToken(), currentPassword, newPassword, userAgent: (await headers()).get("user-agent") ?? "" });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    switch (error.code) {
      case "STEP_UP_REQUIRED":
        redirect(`/account/confirm?action=password&next=${encodeURIComponent(path)}`);
      case "THROTTLED":
        return { message: { key: "throttled", values: { retryAt: String(error.details.retryAt) } } };
      case "WRONG_PASSWORD":
        return { errors: { currentPassword: "currentPasswordWrong" } };
      case "LOCKED":
        return { errors: { currentPassword: "passwordLocked" } };
      case "SAME_PASSWORD":
        return { errors: { newPassword: "passwordSame" } };
      default:
        return { errors: { newPassword: String(error.details.reason ?? "weak:guessable") } };
    }
  }
  return { done: true };
}
