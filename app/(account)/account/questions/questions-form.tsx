"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { saveQuestionsAction } from "./actions";
import { QuestionFields } from "./question-fields";

export function QuestionsForm({ next }: { next: string }) {
  const t = useTranslations("questionsForm");
  const [state, action] = useActionState<FormState, FormData>(saveQuestionsAction, {});
  return (
    <form action={action} noValidate className="space-y-6">
      <input type="hidden" name="next" value={next} />
      {state.errors && <Notice tone="error">{t("failed")}</Notice>}
      <QuestionFields values={state.values} errors={state.errors} />
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
