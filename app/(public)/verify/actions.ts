"use server";

import type { SendState } from "@/components/two-step/code-challenge";
import { requirePendingSecondStep } from "@/lib/auth/current-user";
import { requestContext } from "@/lib/auth/request-context";
import { formOf } from "@/lib/forms/form-of";
import { challengeFeedback } from "@/lib/two-step/challenge-messages";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { textProblemOf } from "@/lib/two-step/text-delivery";
import { maskPhone } from "@/lib/two-step/mask-phone";
import { parseSecondFactorChoice } from "@/lib/two-step/second-factor-options";
import { getLocale } from "next-intl/server";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { trustedPhones } from "@/db/schema";

export async function sendSignInCodeAction(_prev: SendState, formData: FormData): Promise<SendState> {
  formData = formOf(formData);
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

async function phoneLabel(userId: string, phoneId: string) {
  const [phone] = await db
    .select({ e164: trustedPhones.e164 })
    .from(trustedPhones)
    .where(and(eq(trustedPhones.id, phoneId), eq(trustedPhones.userId, userId)));
  return phone ? maskPhone(phone.e164) : undefined;
}
