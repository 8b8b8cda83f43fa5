"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { answerStepUpQuestionsAction } from "./actions";

/** The account's three security questions. Answers are secrets: never put back after an error. */
export function StepUpQuestionsForm({ questions, action, next }: { questions: { position: number; label: string }[]; action: string; next: string }) {
  const t = useTranslations("stepUp");
  const format = useFormatter();
  const [state, submit] = useActionState<FormState, FormData>(answerStepUpQuestionsAction, {});
  const message = state.message;
  return (
    <form action={submit} noValidate className="space-y-5">
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="next" value={next} />
      {message && (
        <Notice tone="error">
          {message.key === "throttled"
            ? t("throttled", { time: format.relativeTime(new Date(message.values!.retryAt!), new Date()) })
            : t("wrongAnswers")}
        </Notice>
      )}
      <fieldset className="space-y-4">
        <legend className="sr-only">{t("questionsLegend")}</legend>
        {questions.map((q) => (
          <TextField
            key={q.position}
            id={`answer${q.position}`}
            label={q.label}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            required
            error={state.errors?.[`answer${q.position}`] ? t("answerRequired") : undefined}
          />
        ))}
      </fieldset>
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
