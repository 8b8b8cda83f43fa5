"use server";

import { revalidatePath } from "next/cache";
import { signOut } from "@/auth";
import { requireUser } from "@/lib/auth/current-user";
import { isSessionId, revokeOtherSessions, revokeSession } from "@/lib/auth/sessions";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { readDeviceToken } from "@/lib/two-step/device-cookie";

/** Auth.js's signOut event revokes the session row (auth.ts); this clears the cookie and says goodbye. */
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

export async function revokeDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user, session } = await requireUser("/account");
  const sessionId = formData.get("sessionId");
  if (!isSessionId(sessionId)) return { message: { key: "revokedOne" } };
  if (sessionId === session.id) return signOutAction() as never;
  await revokeSession({ userId: user.id, sessionId });
  revalidatePath("/account");
  return { message: { key: "revokedOne" } };
}

export async function revokeOtherDevicesAction(): Promise<FormState> {
  const { user, session } = await requireUser("/account");
  const count = await revokeOtherSessions({ userId: user.id, keepSessionId: session.id, keepDeviceToken: await readDeviceToken() });
  revalidatePath("/account");
  return { message: { key: "revokedOthers", values: { count: String(count) } } };
}
