"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { KeyConfirmState } from "@/app/(public)/forgot-password/new-key-panel";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { prepareRecoveryKey } from "@/lib/recovery/prepare-recovery-key";
import { replaceRecoveryKey } from "@/lib/recovery/replace-recovery-key";
import { requireStepUp } from "@/lib/two-step/step-up";

const path = "/account/recovery-key";

async function requireKeyOwner() {
  const current = await requireUser(path);
  if (!current.user.twoStepEnabledAt) redirect(path);
  await requireStepUp({ sessionId: current.session.id, action: "recovery_key", returnTo: path });
  return current;
}

export interface CreateKeyState {
  key?: string;
  sealed?: string;
}

/** A new key to show once; nothing changes until it is typed back (the sealed copy rides in the form). */
export async function createKeyAction(): Promise<CreateKeyState> {
  const { user } = await requireKeyOwner();
  return prepareRecoveryKey({ userId: user.id });
}

export async function confirmKeyAction(_prev: KeyConfirmState, formData: FormData): Promise<KeyConfirmState> {
  formData = formOf(formData);
  const { user, session } = await requireKeyOwner();
  const typedKey = String(formData.get("key") ?? "").slice(0, 64);
  if (!typedKey.trim()) return { error: "keyRequired" };
  try {
    await replaceRecoveryKey({
      userId: user.id,
      sessionId: session.id,
      sealed: String(formData.get("sealed") ?? ""),
      typedKey,
      userAgent: (await headers()).get("user-agent") ?? "",
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "STEP_UP_REQUIRED") redirect(`/account/confirm?action=recovery_key&next=${encodeURIComponent(path)}`);
    return { error: error.code === "MISMATCH" ? "mismatch" : "pendingExpired" };
  }
  revalidatePath(path);
  return { confirmed: true };
}
