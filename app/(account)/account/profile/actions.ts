"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { changeEmail } from "@/lib/account-changes/change-email";
import { changeName } from "@/lib/account-changes/change-name";
import { emailSchema as newEmailSchema } from "@/lib/validation/account";
import { requestEmailChange } from "@/lib/account-changes/request-email-change";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { requireStepUp } from "@/lib/two-step/step-up";

export interface ProfileState extends FormState {
  done?: string;
}

const confirmPath = (action: string, path: string) => `/account/confirm?action=${action}&next=${encodeURIComponent(path)}`;

export async function changeNameAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  formData = formOf(formData);
  const path = "/account/profile/name";
  const { user, session } = await requireUser(path);
  await requireStepUp({ sessionId: session.id, action: "profile", returnTo: path });
  const values = keepValues(formData, ["name"]);
  try {
    const { name } = await changeName({ userId: user.id, sessionId: session.id, name: values.name!, userAgent: (await headers()).get("user-agent") ?? "" });
    return { done: name };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "STEP_UP_REQUIRED") redirect(confirmPath("profile", path));
    return { values, errors: { name: String(error.details.reason ?? "nameInvalid") } };
  }
}

export async function requestEmailChangeAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  formData = formOf(formData);
  const path = "/account/profile/email";
  const { user, session } = await requireUser(path);
  await requireStepUp({ sessionId: session.id, action: "email", returnTo: path });
  const values = keepValues(formData, ["email"]);
  const parsed = newEmailSchema.safeParse(values.email);
  if (!parsed.success) return { values, errors: { email: parsed.error.issues[0]!.message } };
  try {
    await requestEmailChange({ userId: user.id, sessionId: session.id, newEmail: parsed.data });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "STEP_UP_REQUIRED") redirect(confirmPath("email", path));
    if (error.code === "THROTTLED") return { values, message: { key: "throttled", values: { retryAt: String(error.details.retryAt) } } };
    return { values, errors: { email: error.code === "SAME_EMAIL" ? "emailSame" : "emailInvalid" } };
  }
  return { done: parsed.data.toLowerCase() };
}

export async function confirmEmailChangeAction(_prev: ProfileState, formData: FormData): Promise<ProfileState> {
  formData = formOf(formData);
  const token = String(formData.get("token") ?? "");
  const { user } = await requireUser(`/account/profile/email/confirm?token=${encodeURIComponent(token)}`);
  try {
    const { email } = await changeEmail({ userId: user.id, token });
    return { done: email };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { message: { key: error.code === "WRONG_ACCOUNT" ? "wrongAccount" : error.code === "EMAIL_UNAVAILABLE" ? "emailUnavailable" : "linkInvalid" } };
  }
}
