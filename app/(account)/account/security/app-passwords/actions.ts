"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { normaliseLabel } from "@/lib/app-passwords/app-password-rules";
import { createAppPassword, revokeAppPasswords } from "@/lib/app-passwords/manage-app-passwords";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { requireManage } from "../_components/require-manage";

const path = "/account/security/app-passwords";

export interface CreateAppPasswordState extends FormState {
  password?: string;
  label?: string;
}

export async function createAppPasswordAction(_prev: CreateAppPasswordState, formData: FormData): Promise<CreateAppPasswordState> {
  formData = formOf(formData);
  const { user } = await requireManage("app_passwords", path);
  const label = normaliseLabel(formData.get("label"));
  if (!label) return { errors: { label: String(formData.get("label") ?? "").trim() ? "labelTooLong" : "labelRequired" }, values: keepValues(formData, ["label"]) };
  try {
    const password = await createAppPassword({ user, label });
    revalidatePath(path);
    return { password, label };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: { key: error.code }, values: keepValues(formData, ["label"]) };
  }
}

export async function revokeAppPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user } = await requireManage("app_passwords", path);
  const id = z.uuid().safeParse(formData.get("id"));
  if (!id.success) return { message: { key: "NOT_FOUND" } };
  await revokeAppPasswords({ userId: user.id, id: id.data });
  revalidatePath(path);
  return { message: { key: "removed" } };
}
