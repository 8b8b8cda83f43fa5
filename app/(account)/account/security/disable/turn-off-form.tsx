"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { QuestionFields } from "../../questions/question-fields";
import { turnOffAction } from "./actions";

export function TurnOffForm() {
  const t = useTranslations("disableTwoStep");
  const [state, action] = useActionState<FormState, FormData>(turnOffAction, {});
  return (
    <form action={action} noValidate className="space-y-6">
      {state.errors && <Notice tone="error">{t("failed")}</Notice>}
      <QuestionFields values={state.values} errors={state.errors} />
      <SubmitButton variant="danger" pendingLabel={t("turningOff")}>{t("submit")}</SubmitButton>
    </form>
  );
}
