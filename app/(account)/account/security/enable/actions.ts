"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ConfirmKeyState, CreateKeyState } from "../_components/recovery-key-flow";
import type { PhoneFormState } from "../_components/phone-form-state";
import { handlePhoneForm } from "../_components/handle-phone-form";
import { confirmSetup, startSetup } from "../_components/authenticator-forms";
import { beginPasskeyRegistration, completePasskeyRegistration } from "../_components/passkey-registration";
import { formOf } from "@/lib/forms/form-of";
import type { PasskeyRegistrationFinish, PasskeyRegistrationStart } from "@/lib/two-step/passkeys/registration-result";
import type { ConfirmAuthenticatorState } from "@/components/two-step/authenticator-setup";
import { requireUser } from "@/lib/auth/current-user";
import { moveSessionCookie, readSessionToken } from "@/lib/auth/session-cookie";
import { AppError } from "@/lib/errors";
import type { FormState } from "@/lib/forms/form-state";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";
import { ensureDeviceToken } from "@/lib/two-step/device-cookie";
import { advanceEnrollment } from "@/lib/two-step/enrollment/advance-enrollment";
import { confirmPendingRecoveryKey } from "@/lib/two-step/enrollment/confirm-pending-recovery-key";
import { createPendingRecoveryKey } from "@/lib/two-step/enrollment/create-pending-recovery-key";
import { enableTwoStep } from "@/lib/two-step/enrollment/enable-two-step";
import { getEnrollment } from "@/lib/two-step/enrollment/get-enrollment";
import { startEnrollment } from "@/lib/two-step/enrollment/start-enrollment";
import { isEnrollmentProved } from "@/lib/two-step/enrollment/enrollment-proof";
import { currentStep, stepIndex, stepPath, type EnrollmentStep } from "@/lib/two-step/enrollment/steps";
import { requireStepUp } from "@/lib/two-step/step-up";
import { trustDevice } from "@/lib/two-step/trusted-devices";

const codeOf = (error: unknown) => {
  if (error instanceof AppError) return error;
  throw error;
};

export async function startEnrollmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user, session } = await requireUser(stepPath("explain"));
  // The explain page asked for the questions already; an action is checked on its own.
  if (await hasSecurityQuestions(user.id)) await requireStepUp({ sessionId: session.id, action: "enable_two_step", returnTo: stepPath("explain") });
  const password = String(formData.get("password") ?? "");
  if (!password) return { errors: { password: "passwordRequired" } };
  let resumeAt: EnrollmentStep;
  try {
    const enrollment = await startEnrollment({ userId: user.id, sessionId: session.id, password });
    resumeAt = stepIndex(currentStep(enrollment.step)) > stepIndex("phone") ? currentStep(enrollment.step) : "phone";
  } catch (error) {
    const e = codeOf(error);
    if (e.code === "WRONG_PASSWORD") return { errors: { password: "wrongPassword" } };
    if (e.code === "LOCKED") return { errors: { password: "passwordLocked" } };
    if (e.code === "THROTTLED") return { errors: { password: "throttled" }, message: { key: "throttled", values: { retryAt: String(e.details.retryAt) } } };
    // Not available, waiting period, already on: the page explains it.
    redirect(stepPath("explain"));
  }
  redirect(stepPath(resumeAt));
}

export async function enrollPhoneAction(_prev: PhoneFormState, formData: FormData): Promise<PhoneFormState> {
  formData = formOf(formData);
  // With 2SV on, a new phone is a second factor: only /account/security/phones adds it, after a fresh step-up.
  const { user, session } = await requireProvedEnrollment("phone");
  return handlePhoneForm({ formData, userId: user.id, sessionId: session.id, accountCountry: user.countryCode, revalidate: stepPath("phone") });
}

export async function leavePhoneStepAction() {
  const { user } = await requireProvedEnrollment("phone");
  try {
    await advanceEnrollment({ userId: user.id, from: "phone" });
  } catch (error) {
    codeOf(error);
    redirect("/account/security/enable");
  }
  redirect(stepPath("devices"));
}

/**
 * "Trust this browser" during setup — from the wizard, or from another signed-in browser of the same account, so it
 * needs no proved enrollment: a browser trusted this way is only listed for the owner to see at the review step; it
 * receives codes only once it passes the second step itself (find-prompt-receiver.ts), and turning 2SV on signs
 * every other session out.
 */
export async function trustThisBrowserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user, session } = await requireUser(stepPath("devices"));
  const enrollment = await getEnrollment(user.id);
  if (user.twoStepEnabledAt || !enrollment || stepIndex(enrollment.step) < stepIndex("devices")) return { message: { key: "notEnrolling" } };
  await trustDevice({ userId: user.id, token: await ensureDeviceToken(), userAgent: session.userAgent });
  revalidatePath(String(formData.get("from")) === "security" ? "/account/security" : stepPath("devices"));
  return { message: { key: "trusted" } };
}

export async function leaveDevicesStepAction(): Promise<FormState> {
  const { user } = await requireProvedEnrollment("devices");
  try {
    await advanceEnrollment({ userId: user.id, from: "devices" });
  } catch (error) {
    if (codeOf(error).code === "NEEDS_FACTOR") return { message: { key: "needsFactor" } };
    redirect("/account/security/enable");
  }
  redirect(stepPath("key"));
}

export async function createPendingKeyAction(): Promise<CreateKeyState> {
  const { user } = await requireProvedEnrollment("key");
  try {
    return { key: await createPendingRecoveryKey({ userId: user.id }) };
  } catch (error) {
    codeOf(error);
    return { error: "notEnrolling" };
  }
}

export async function confirmPendingKeyAction(_prev: ConfirmKeyState, formData: FormData): Promise<ConfirmKeyState> {
  formData = formOf(formData);
  const { user } = await requireProvedEnrollment("key");
  const key = String(formData.get("key") ?? "").slice(0, 40);
  const understood = formData.get("understood") === "on";
  const errors: ConfirmKeyState["errors"] = {};
  if (!key.trim()) errors.key = "keyRequired";
  if (!understood) errors.understood = "mustUnderstand";
  if (errors.key || errors.understood) return { errors };
  try {
    await confirmPendingRecoveryKey({ userId: user.id, key, understood });
  } catch (error) {
    const e = codeOf(error);
    if (e.code === "WRONG_KEY") return { errors: { key: "wrongKey" } };
    return { error: "noPendingKey" };
  }
  redirect(stepPath("review"));
}

export async function turnOnAction(): Promise<FormState> {
  const { user, session } = await requireProvedEnrollment("review");
  const token = await readSessionToken();
  try {
    const enabled = await enableTwoStep({ userId: user.id, sessionId: session.id });
    if (token) await moveSessionCookie(token, enabled.sessionId);
  } catch (error) {
    const e = codeOf(error);
    if (e.code === "NEEDS_FACTOR") return { message: { key: "needsFactor" } };
    if (e.code === "WAITING_PERIOD") redirect(stepPath("review"));
    redirect("/account/security/enable");
  }
  redirect("/account/security?done=enabled");
}

/**
 * Every wizard action after the first: 2SV not on yet, and this session re-typed the password for the enrollment
 * within the hour (enrollment-proof.ts); otherwise back to the first step, which asks for it again.
 */
async function requireProvedEnrollment(step: EnrollmentStep) {
  const current = await requireUser(stepPath(step));
  if (current.user.twoStepEnabledAt) redirect("/account/security");
  const enrollment = await getEnrollment(current.user.id);
  if (!enrollment || !isEnrollmentProved(enrollment, current.session.id, new Date())) redirect(stepPath("explain"));
  return { ...current, enrollment };
}

/** Adding a factor from the wizard: a proved enrollment past the phone step. */
async function requireDevicesStep() {
  const current = await requireProvedEnrollment("devices");
  if (stepIndex(current.enrollment.step) < stepIndex("devices")) redirect("/account/security/enable");
  return current;
}

export async function startWizardAuthenticatorAction() {
  const { user } = await requireDevicesStep();
  return startSetup(user);
}

export async function confirmWizardAuthenticatorAction(_prev: ConfirmAuthenticatorState, formData: FormData): Promise<ConfirmAuthenticatorState> {
  formData = formOf(formData);
  const { user } = await requireDevicesStep();
  const refused = await confirmSetup(user.id, formData);
  if (refused) return refused;
  revalidatePath(stepPath("devices"));
  return {};
}

export async function startWizardPasskeyAction(name: string): Promise<PasskeyRegistrationStart> {
  const { user, session } = await requireDevicesStep();
  return beginPasskeyRegistration({ userId: user.id, sessionId: session.id }, name);
}

export async function finishWizardPasskeyAction(input: { name: string; response: string }): Promise<PasskeyRegistrationFinish> {
  const { user, session } = await requireDevicesStep();
  const finished = await completePasskeyRegistration({ userId: user.id, sessionId: session.id }, input);
  revalidatePath(stepPath("devices"));
  return finished;
}
