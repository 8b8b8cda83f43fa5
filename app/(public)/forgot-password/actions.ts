"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { SendState, VerifyState } from "@/components/two-step/code-challenge";
import { codeSendState } from "@/lib/account-changes/code-send-state";
import { requestContext } from "@/lib/auth/request-context";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { confirmNewRecoveryKey } from "@/lib/recovery/confirm-new-recovery-key";
import { readRecoveryAttempt, saveRecoveryAttempt } from "@/lib/recovery/recovery-cookie";
import { requestPasswordReset } from "@/lib/recovery/request-password-reset";
import { resetPasswordWithRecoveryKey } from "@/lib/recovery/reset-password-with-recovery-key";
import { sendRecoveryCode } from "@/lib/recovery/send-recovery-code";
import { startRecovery } from "@/lib/recovery/start-recovery";
import { verifyRecoveryCode } from "@/lib/recovery/verify-recovery-code";
import { challengeFeedback } from "@/lib/two-step/challenge-messages";
import { readSecondFactorProof } from "@/lib/two-step/check-second-factor";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { listSecondFactorOptions, recoveryKinds, parseSecondFactorChoice } from "@/lib/two-step/second-factor-options";
import { safeErrorMessage } from "@/lib/messaging/safe-error-message";
import { emailSchema } from "@/lib/validation/account";

const throttled = (error: AppError) => ({ key: "throttled", values: { retryAt: String(error.details.retryAt) } });

/** Step 1 with 2SV on: email + Recovery Key. The key is a secret: never sent back to the form. */
export async function startRecoveryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const values = keepValues(formData, ["email"]);
  const recoveryKey = String(formData.get("recoveryKey") ?? "").slice(0, 64);
  const errors: Record<string, string> = {};
  const email = emailSchema.safeParse(values.email);
  if (!email.success) errors.email = email.error.issues[0]!.message;
  if (!recoveryKey.trim()) errors.recoveryKey = "recoveryKeyRequired";
  if (Object.keys(errors).length) return { values, errors };
  try {
    const attempt = await startRecovery({ email: email.data!, recoveryKey, ip: (await requestContext()).ip });
    await saveRecoveryAttempt(attempt);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { values, message: error.code === "THROTTLED" ? throttled(error) : { key: "invalid" } };
  }
  redirect("/forgot-password/verify");
}

/** Without 2SV: a link by email. The answer is the same whether or not the address has an account. */
export async function requestResetLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const values = keepValues(formData, ["resetEmail"]);
  const email = emailSchema.safeParse(values.resetEmail);
  if (!email.success) return { values, errors: { resetEmail: email.error.issues[0]!.message } };
  try {
    await requestPasswordReset({ email: email.data, ip: (await requestContext()).ip, defer: sendAfterAnswering });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { values, message: throttled(error) };
  }
  return { values: {}, message: { key: "emailSent", values: { email: email.data } } };
}

/** Runs after the answer has gone (so it cannot tell, by its time, whether the address has an account). */
function sendAfterAnswering(work: () => Promise<void>) {
  after(() => work().catch((error: unknown) => console.error(`password reset email not queued: ${safeErrorMessage(error)}`)));
}

async function openAttempt() {
  const attempt = await readRecoveryAttempt();
  if (!attempt) redirect("/forgot-password/verify");
  return attempt;
}

export async function sendRecoveryCodeAction(_prev: SendState, formData: FormData): Promise<SendState> {
  formData = formOf(formData);
  const attempt = await openAttempt();
  const choice = String(formData.get("method") ?? "");
  const parsed = parseSecondFactorChoice(choice);
  if (!parsed) return { error: { key: "noMethods" } };
  try {
    const issued = await sendRecoveryCode({ attempt, ...parsed, locale: await getLocale(), request: await requestContext() });
    return codeSendState(issued, choice, await listSecondFactorOptions(attempt.userId, { kinds: recoveryKinds, exceptDeviceToken: await readDeviceToken() }));
  } catch (error) {
    if (error instanceof AppError && error.code === "ATTEMPT_INVALID") redirect("/forgot-password/verify");
    return { error: challengeFeedback(error), choice };
  }
}

export async function verifyRecoveryCodeAction(_prev: VerifyState, formData: FormData): Promise<VerifyState> {
  formData = formOf(formData);
  const attempt = await openAttempt();
  const proof = readSecondFactorProof(formData);
  // Passkeys are not offered here (no signed-in session to bind the ceremony to); they sign in without a password.
  if (!proof || proof.method === "passkey") return { error: { key: "codeRequired" } };
  try {
    await verifyRecoveryCode({ attempt, proof });
  } catch (error) {
    return { error: challengeFeedback(error) };
  }
  redirect("/forgot-password/new-password");
}

export interface NewPasswordState extends FormState {
  recoveryKey?: string;
  email?: string;
}

/** Last step: the new password. Returns the new Recovery Key to show once (it is never stored in clear). */
export async function resetWithRecoveryKeyAction(_prev: NewPasswordState, formData: FormData): Promise<NewPasswordState> {
  formData = formOf(formData);
  const attempt = await openAttempt();
  const newPassword = String(formData.get("newPassword") ?? "");
  const confirmPassword = String(formData.get("confirmPassword") ?? "");
  if (!newPassword) return { errors: { newPassword: "newPasswordRequired" } };
  if (confirmPassword !== newPassword) return { errors: { confirmPassword: confirmPassword ? "passwordMismatch" : "confirmRequired" } };
  try {
    const result = await resetPasswordWithRecoveryKey({ attempt, newPassword, userAgent: (await headers()).get("user-agent") ?? "" });
    return { recoveryKey: result.recoveryKey, email: result.email };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "WEAK_PASSWORD") return { errors: { newPassword: String(error.details.reason) } };
    redirect("/forgot-password/verify");
  }
}

export interface ConfirmKeyState {
  error?: string;
  confirmed?: boolean;
}

export async function confirmResetKeyAction(_prev: ConfirmKeyState, formData: FormData): Promise<ConfirmKeyState> {
  formData = formOf(formData);
  const key = String(formData.get("key") ?? "").slice(0, 64);
  if (!key.trim()) return { error: "keyRequired" };
  const attempt = await readRecoveryAttempt();
  if (!attempt) return { error: "expired" };
  try {
    await confirmNewRecoveryKey({ userId: attempt.userId, key });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error: "mismatch" };
  }
  // The cookie is left to lapse: the attempt is already closed (its key was replaced), and clearing it here would
  // refresh the page away from the confirmation.
  return { confirmed: true };
}
