import { isQuestionKey, normaliseAnswer, type QuestionKey } from "@/lib/security-questions/questions";

export type QuestionFieldError = "questionRequired" | "questionRepeated" | "answerRequired" | "answerTooShort" | "answerTooLong" | "answerRepeated";

export const questionFields = [1, 2, 3] as const;

/**
 * Pure. Three different questions, each with an answer of 3–100 characters, no answer used twice (one leaked answer
 * must not open the other two). Errors are per field: question1…3, answer1…3.
 */
export function parseSecurityQuestions(values: Record<string, string | undefined>):
  | { ok: true; items: { questionKey: QuestionKey; answer: string }[] }
  | { ok: false; errors: Record<string, QuestionFieldError> } {
  const errors: Record<string, QuestionFieldError> = {};
  const seenQuestions = new Set<string>();
  const seenAnswers = new Set<string>();
  const items: { questionKey: QuestionKey; answer: string }[] = [];
  for (const n of questionFields) {
    const questionKey = values[`question${n}`] ?? "";
    const answer = (values[`answer${n}`] ?? "").trim();
    if (!isQuestionKey(questionKey)) errors[`question${n}`] = "questionRequired";
    else if (seenQuestions.has(questionKey)) errors[`question${n}`] = "questionRepeated";
    seenQuestions.add(questionKey);

    const normalised = normaliseAnswer(answer);
    if (!normalised) errors[`answer${n}`] = "answerRequired";
    else if (normalised.length < 3) errors[`answer${n}`] = "answerTooShort";
    else if (answer.length > 100) errors[`answer${n}`] = "answerTooLong";
    else if (seenAnswers.has(normalised)) errors[`answer${n}`] = "answerRepeated";
    seenAnswers.add(normalised);
    if (isQuestionKey(questionKey)) items.push({ questionKey, answer });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, items };
}
