"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { handlePhoneForm } from "../_components/handle-phone-form";
import type { PhoneFormState } from "../_components/phone-form-state";
import { requireManage } from "../_components/require-manage";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { removeTrustedPhone } from "@/lib/two-step/enrollment/remove-trusted-phone";

const path = "/account/security/phones";

export async function managePhoneAction(_prev: PhoneFormState, formData: FormData): Promise<PhoneFormState> {
  formData = formOf(formData);
  const { user, session } = await requireManage("phones", path);
  return handlePhoneForm({ formData, userId: user.id, sessionId: session.id, accountCountry: user.countryCode, revalidate: path });
}

export async function removePhoneAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user } = await requireManage("phones", path);
  const phoneId = z.uuid().safeParse(formData.get("phoneId"));
  if (!phoneId.success) return { message: { key: "NOT_FOUND" } };
  try {
    await removeTrustedPhone({ userId: user.id, phoneId: phoneId.data });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: { key: error.code } };
  }
  revalidatePath(path);
  return { message: { key: "removed" } };
}
