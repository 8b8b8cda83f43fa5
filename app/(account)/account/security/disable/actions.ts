"use server";

import { redirect } from "next/navigation";
import { requireManage } from "../_components/require-manage";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { disableTwoStep } from "@/lib/two-step/enrollment/disable-two-step";
import { parseSecurityQuestions } from "@/lib/two-step/enrollment/parse-security-questions";

export async function turnOffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const { user, session } = await requireManage("disable_two_step", "/account/security/disable");
  const values = keepValues(formData, ["question1", "question2", "question3"]);
  const parsed = parseSecurityQuestions(Object.fromEntries(["question1", "question2", "question3", "answer1", "answer2", "answer3"].map((f) => [f, String(formData.get(f) ?? "")])));
  if (!parsed.ok) return { values, errors: parsed.errors };
  try {
    await disableTwoStep({ userId: user.id, sessionId: session.id, questions: parsed.items });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    redirect("/account/security");
  }
  redirect("/account/security?done=disabled");
}
