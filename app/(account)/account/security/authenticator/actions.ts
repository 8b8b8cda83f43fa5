"use server";

import { redirect } from "next/navigation";
import type { ConfirmAuthenticatorState } from "@/components/two-step/authenticator-setup";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { removeAuthenticator } from "@/lib/two-step/totp/remove-authenticator";
import { confirmSetup, startSetup } from "../_components/authenticator-forms";
import { requireManage } from "../_components/require-manage";

const path = "/account/security/authenticator";

export async function startAuthenticatorAction() {
  const { user } = await requireManage("authenticator", path);
  return startSetup(user);
}

export async function confirmAuthenticatorAction(_prev: ConfirmAuthenticatorState, formData: FormData): Promise<ConfirmAuthenticatorState> {
  formData = formOf(formData);
  const { user } = await requireManage("authenticator", path);
  const refused = await confirmSetup(user.id, formData);
  if (refused) return refused;
  redirect("/account/security?done=authenticator");
}

export async function removeAuthenticatorAction(): Promise<FormState> {
  const { user } = await requireManage("authenticator", path);
  try {
    await removeAuthenticator({ userId: user.id });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: { key: error.code } };
  }
  redirect("/account/security?done=authenticatorRemoved");
}
