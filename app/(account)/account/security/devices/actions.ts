"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireManage } from "../_components/require-manage";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { ensureDeviceToken } from "@/lib/two-step/device-cookie";
import { removeTrustedDevice } from "@/lib/two-step/push/remove-trusted-device";
import { trustDevice } from "@/lib/two-step/trusted-devices";

const path = "/account/security/devices";

export async function trustBrowserAction(): Promise<FormState> {
  const { user, session } = await requireManage("devices", path);
  await trustDevice({ userId: user.id, token: await ensureDeviceToken(), userAgent: session.userAgent });
  revalidatePath(path);
  return { message: { key: "trusted" } };
}

export async function removeDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user } = await requireManage("devices", path);
  const deviceId = z.uuid().safeParse(formData.get("deviceId"));
  if (!deviceId.success) return { message: { key: "NOT_FOUND" } };
  try {
    await removeTrustedDevice({ userId: user.id, deviceId: deviceId.data });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: { key: error.code } };
  }
  revalidatePath(path);
  return { message: { key: "removed" } };
}
