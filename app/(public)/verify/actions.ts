"use server";

import { redirect } from "next/navigation";
import { updateAuthSession } from "@/auth";
import type { SendState, VerifyState } from "@/components/two-step/code-challenge";
import { requirePendingSecondStep } from "@/lib/auth/current-user";
import { describeDevice } from "@/lib/auth/describe-device";
import { requestContext } from "@/lib/auth/request-context";
import { upgradeSession } from "@/lib/auth/sessions";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { challengeFeedback } from "@/lib/two-step/challenge-messages";
import { ensureDeviceToken } from "@/lib/two-step/device-cookie";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { textProblemOf } from "@/lib/two-step/text-delivery";
import { maskPhone } from "@/lib/two-step/mask-phone";
import { parseSecondFactorChoice } from "@/lib/two-step/second-factor-options";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { checkSecondFactor, readSecondFactorProof } from "@/lib/two-step/check-second-factor";
import { getLocale } from "next-intl/server";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { trustedPhones } from "@/db/schema";

export async function sendSignInCodeAction(_prev: SendState, formData: FormData): Promise<SendState> {
  const { user, session } = await requirePendingSecondStep();
  const choice = parseSecondFactorChoice(formData.get("method"));
  if (!choice) return { error: { key: "noMethods" } };
  try {
    const issued = await issueChallenge({
      userId: user.id,
      sessionId: session.id,
      purpose: "sign_in",
      ...choice,
      locale: await getLocale(),
      request: await requestContext(),
    });
    const destination = choice.phoneId ? await phoneLabel(user.id, choice.phoneId) : undefined;
    return {
      challengeId: issued.challengeId,
      kind: choice.method,
      destination,
      textProblem: textProblemOf(issued.delivery),
      choice: String(formData.get("method")),
    };
  } catch (error) {
    return { error: challengeFeedback(error), choice: String(formData.get("method")) };
  }
}

export async function verifySignInCodeAction(_prev: VerifyState, formData: FormData): Promise<VerifyState> {
  const { user, session } = await requirePendingSecondStep();
  const proof = readSecondFactorProof(formData);
  if (!proof) return { error: { key: "codeRequired" } };
  let deviceId: string | null = null;
  try {
    await checkSecondFactor({ userId: user.id, sessionId: session.id, purpose: "sign_in", proof, request: await requestContext() });
  } catch (error) {
    return { error: challengeFeedback(error) };
  }
  if (formData.get("trustBrowser") === "on") {
    const device = await trustDevice({
      userId: user.id,
      token: await ensureDeviceToken(),
      label: describeDevice(session.userAgent) ?? "Browser",
      remember: true,
    });
    deviceId = device.id;
  }
  const upgraded = await upgradeSession({ pendingSessionId: session.id, deviceId });
  if (upgraded) await updateAuthSession({ sessionId: upgraded } as never);
  redirect(safeRedirect(formData.get("callbackUrl")));
}

async function phoneLabel(userId: string, phoneId: string) {
  const [phone] = await db
    .select({ e164: trustedPhones.e164 })
    .from(trustedPhones)
    .where(and(eq(trustedPhones.id, phoneId), eq(trustedPhones.userId, userId)));
  return phone ? maskPhone(phone.e164) : undefined;
}
