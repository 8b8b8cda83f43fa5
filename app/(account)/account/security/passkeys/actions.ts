"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { beginPasskeyRegistration, completePasskeyRegistration } from "../_components/passkey-registration";
import { requireManage } from "../_components/require-manage";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import type { PasskeyRegistrationFinish, PasskeyRegistrationStart } from "@/lib/two-step/passkeys/registration-result";
import { removePasskey } from "@/lib/two-step/passkeys/remove-passkey";
import { renamePasskey } from "@/lib/two-step/passkeys/rename-passkey";

const path = "/account/security/passkeys";

export async function startPasskeyRegistrationAction(name: string): Promise<PasskeyRegistrationStart> {
  const { user, session } = await requireManage("passkeys", path);
  return beginPasskeyRegistration({ userId: user.id, sessionId: session.id }, name);
}

export async function finishPasskeyRegistrationAction(input: { name: string; response: string }): Promise<PasskeyRegistrationFinish> {
  const { user, session } = await requireManage("passkeys", path);
  const finished = await completePasskeyRegistration({ userId: user.id, sessionId: session.id }, input);
  if ("added" in finished) revalidatePath(path);
  return finished;
}

export async function renamePasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user } = await requireManage("passkeys", path);
  const values = keepValues(formData, ["name"]);
  const passkeyId = z.uuid().safeParse(formData.get("passkeyId"));
  if (!passkeyId.success) return { values, message: { key: "NOT_FOUND" } };
  try {
    const renamed = await renamePasskey({ userId: user.id, passkeyId: passkeyId.data, name: values.name ?? "" });
    revalidatePath(path);
    return { message: { key: "renamed", values: { name: renamed.name } } };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NAME_REQUIRED" || error.code === "NAME_TOO_LONG") return { values, errors: { name: error.code } };
    return { values, message: { key: error.code } };
  }
}

export async function removePasskeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user } = await requireManage("passkeys", path);
  const passkeyId = z.uuid().safeParse(formData.get("passkeyId"));
  if (!passkeyId.success) return { message: { key: "NOT_FOUND" } };
  try {
    await removePasskey({ userId: user.id, passkeyId: passkeyId.data });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: { key: error.code } };
  }
  revalidatePath(path);
  return { message: { key: "removed" } };
}
