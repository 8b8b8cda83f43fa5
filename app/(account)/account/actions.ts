"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/auth";
import { currentSession, requireUser } from "@/lib/auth/current-user";
import { revokeOtherSessions, revokeSession } from "@/lib/auth/sessions";
import type { FormState } from "@/lib/forms/form-state";

export async function signOutAction() {
  const current = await currentSession();
  if (current) await revokeSession({ userId: current.user.id, sessionId: current.session.id });
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

/** newSessionId()'s shape: anything else names no session, and a NUL byte would reach PostgreSQL as an error. */
const sessionIdSchema = z.string().regex(/^[\w-]{43}$/);

export async function revokeDeviceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user, session } = await requireUser("/account");
  const parsed = sessionIdSchema.safeParse(formData.get("sessionId"));
  if (!parsed.success) return { message: { key: "revokedOne" } };
  if (parsed.data === session.id) return signOutAction() as never;
  await revokeSession({ userId: user.id, sessionId: parsed.data });
  revalidatePath("/account");
  return { message: { key: "revokedOne" } };
}

export async function revokeOtherDevicesAction(): Promise<FormState> {
  const { user, session } = await requireUser("/account");
  const count = await revokeOtherSessions({ userId: user.id, keepSessionId: session.id });
  revalidatePath("/account");
  return { message: { key: "revokedOthers", values: { count: String(count) } } };
}
