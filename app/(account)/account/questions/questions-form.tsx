"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { saveQuestionsAction } from "./actions";
import { QuestionFields } from "./question-fields";

/** `askPassword`: the first questions are set with the password re-typed (changing them needs the old answers). */
export function QuestionsForm({ next, askPassword }: { next: string; askPassword: boolean }) {
  const t = useTranslations("questionsForm");
  const format = useFormatter();
  const [state, action] = useActionState<FormState, FormData>(saveQuestionsAction, {});
  const passwordError = state.errors?.password;
  const retryAt = state.message?.values?.retryAt;
  return (
    <form action={action} noValidate className="space-y-6">
      <input type="hidden" name="next" value={next} />
      {state.errors && <Notice tone="error">{t("failed")}</Notice>}
      <QuestionFields values={state.values} errors={state.errors} />
      {askPassword && (
        <TextField
          id="password"
          label={t("password")}
          hint={t("passwordHint")}
          type="password"
          autoComplete="current-password"
          required
          error={
            passwordError === "throttled" && retryAt
              ? t("errors.throttled", { retryAt: format.relativeTime(new Date(retryAt), new Date()) })
              : passwordError && t(`errors.${passwordError}` as "errors.wrongPassword")
          }
        />
      )}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
