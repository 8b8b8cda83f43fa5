"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { hasSecurityQuestions, setSecurityQuestions } from "@/lib/security-questions/security-questions";
import { parseSecurityQuestions } from "@/lib/two-step/enrollment/parse-security-questions";
import { requireStepUp } from "@/lib/two-step/step-up";

/** Sets the three questions the first time they are needed; replacing existing ones needs a fresh step-up. */
export async function saveQuestionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const next = safeRedirect(formData.get("next"), "/account/security");
  const returnTo = `/account/questions?next=${encodeURIComponent(next)}`;
  const { user, session } = await requireUser(returnTo);
  if (user.twoStepEnabledAt) redirect("/account/security");
  if (await hasSecurityQuestions(user.id)) await requireStepUp({ sessionId: session.id, action: "security_questions", returnTo });

  const values = keepValues(formData, ["question1", "question2", "question3"]);
  const parsed = parseSecurityQuestions(Object.fromEntries(["question1", "question2", "question3", "answer1", "answer2", "answer3"].map((f) => [f, String(formData.get(f) ?? "")])));
  if (!parsed.ok) return { values, errors: parsed.errors };
  await setSecurityQuestions({ userId: user.id, items: parsed.items });
  redirect(next === "/account/security" ? "/account/security?done=questions" : next);
}
