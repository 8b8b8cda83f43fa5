"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { SendState, VerifyState } from "@/components/two-step/code-challenge";
import { codeSendState } from "@/lib/account-changes/code-send-state";
import { passStepUpWithCode } from "@/lib/account-changes/pass-step-up-with-code";
import { passStepUpWithQuestions } from "@/lib/account-changes/pass-step-up-with-questions";
import { requireUser } from "@/lib/auth/current-user";
import { requestContext } from "@/lib/auth/request-context";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import type { FormState } from "@/lib/forms/form-state";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { challengeFeedback } from "@/lib/two-step/challenge-messages";
import { readSecondFactorProof } from "@/lib/two-step/check-second-factor";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { listSecondFactorOptions, parseSecondFactorChoice } from "@/lib/two-step/second-factor-options";
import { isStepUpAction } from "@/lib/two-step/step-up";

/** The confirmation being asked for, from the form's hidden fields; the signed-in user; where to go afterwards. */
async function stepUpContext(formData: FormData) {
  const action = formData.get("action");
  const next = safeRedirect(formData.get("next"));
  const current = await requireUser(`/account/confirm?action=${String(action)}&next=${encodeURIComponent(next)}`);
  if (!isStepUpAction(action)) redirect("/account");
  return { ...current, action, next };
}

export async function sendStepUpCodeAction(_prev: SendState, formData: FormData): Promise<SendState> {
  formData = formOf(formData);
  const { user, session } = await stepUpContext(formData);
  const choice = String(formData.get("method") ?? "");
  const parsed = parseSecondFactorChoice(choice);
  if (!parsed || !user.twoStepEnabledAt) return { error: { key: "noMethods" } };
  try {
    const issued = await issueChallenge({
      userId: user.id,
      sessionId: session.id,
      purpose: "step_up",
      ...parsed,
      locale: await getLocale(),
      request: await requestContext(),
    });
    return codeSendState(issued, choice, await listSecondFactorOptions(user.id, { exceptDeviceToken: await readDeviceToken() }));
  } catch (error) {
    return { error: challengeFeedback(error), choice };
  }
}

export async function verifyStepUpCodeAction(_prev: VerifyState, formData: FormData): Promise<VerifyState> {
  formData = formOf(formData);
  const { user, session, action, next } = await stepUpContext(formData);
  const proof = readSecondFactorProof(formData);
  if (!proof) return { error: { key: "codeRequired" } };
  try {
    await passStepUpWithCode({ user, sessionId: session.id, action, proof, request: await requestContext() });
  } catch (error) {
    return { error: challengeFeedback(error) };
  }
  redirect(next);
}

export async function answerStepUpQuestionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user, session, action, next } = await stepUpContext(formData);
  const answers = { 1: String(formData.get("answer1") ?? ""), 2: String(formData.get("answer2") ?? ""), 3: String(formData.get("answer3") ?? "") };
  const errors: Record<string, string> = {};
  for (const n of [1, 2, 3] as const) if (!answers[n].trim()) errors[`answer${n}`] = "answerRequired";
  if (Object.keys(errors).length) return { errors };
  try {
    await passStepUpWithQuestions({ user, sessionId: session.id, action, answers });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "THROTTLED") return { message: { key: "throttled", values: { retryAt: String(error.details.retryAt) } } };
    if (error.code === "NO_QUESTIONS" || error.code === "TWO_STEP_ON") redirect(`/account/confirm?action=${action}&next=${encodeURIComponent(next)}`);
    return { message: { key: "wrongAnswers" } };
  }
  redirect(next);
}
