"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { removeTrustedDevice } from "@/lib/two-step/push/remove-trusted-device";
import { requireStepUp } from "@/lib/two-step/step-up";

const deviceIdSchema = z.uuid();

/** Stops trusting one browser of the account: a sensitive change, so it needs a fresh step-up for "devices". */
export async function removeTrustedDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user, session } = await requireUser("/account");
  const parsed = deviceIdSchema.safeParse(formData.get("deviceId"));
  if (!parsed.success) return { message: { key: "notFound" } };
  await requireStepUp({ sessionId: session.id, action: "devices", returnTo: `/account?removeDevice=${parsed.data}#trusted-devices` });
  try {
    await removeTrustedDevice({ userId: user.id, deviceId: parsed.data });
  } catch (error) {
    if (error instanceof AppError) return { message: { key: error.code === "LAST_FACTOR" ? "lastFactor" : "notFound" } };
    throw error;
  }
  revalidatePath("/account");
  redirect("/account?deviceRemoved=1#trusted-devices");
}
