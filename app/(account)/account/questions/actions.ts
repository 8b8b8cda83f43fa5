"use server";

import { redirect } from "next/navigation";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { formOf } from "@/lib/forms/form-of";
import { keepValues, type FormState } from "@/lib/forms/form-state";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { hasSecurityQuestions, setSecurityQuestions } from "@/lib/security-questions/security-questions";
import { parseSecurityQuestions } from "@/lib/two-step/enrollment/parse-security-questions";
import { requireStepUp } from "@/lib/two-step/step-up";

/**
 * Sets the three questions the first time they are needed, with the password re-typed; replacing existing ones
 * needs a fresh step-up (the questions themselves). Either way the owner is emailed (setSecurityQuestions).
 */
export async function saveQuestionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  formData = formOf(formData);
  const next = safeRedirect(formData.get("next"), "/account/security");
  const returnTo = `/account/questions?next=${encodeURIComponent(next)}`;
  const { user, session } = await requireUser(returnTo);
  if (user.twoStepEnabledAt) redirect("/account/security");
  const existing = await hasSecurityQuestions(user.id);
  if (existing) await requireStepUp({ sessionId: session.id, action: "security_questions", returnTo });

  const values = keepValues(formData, ["question1", "question2", "question3"]);
  const parsed = parseSecurityQuestions(Object.fromEntries(["question1", "question2", "question3", "answer1", "answer2", "answer3"].map((f) => [f, String(formData.get(f) ?? "")])));
  // The first questions are what later proves it is the owner, before a new email or password: whoever sets them must
  // know the password, or a session left open (or stolen) could set its own answers and pass every check after.
  const password = existing ? null : String(formData.get("password") ?? "");
  const passwordMissing = password === "" ? { password: "passwordRequired" } : {};
  if (!parsed.ok) return { values, errors: { ...parsed.errors, ...passwordMissing } };
  if (password === "") return { values, errors: passwordMissing };
  if (password !== null) {
    try {
      await confirmPassword({ user, password });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "THROTTLED") return { values, errors: { password: "throttled" }, message: { key: "throttled", values: { retryAt: String(error.details.retryAt) } } };
      return { values, errors: { password: error.code === "LOCKED" ? "passwordLocked" : "wrongPassword" } };
    }
  }
  await setSecurityQuestions({ userId: user.id, items: parsed.items, userAgent: session.userAgent });
  redirect(next === "/account/security" ? "/account/security?done=questions" : next);
}
