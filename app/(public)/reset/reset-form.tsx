"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import { resetWithEmailLinkAction, type ResetState } from "./actions";

export function ResetForm({ token, questions }: { token: string; questions: { position: number; label: string }[] }) {
  const t = useTranslations("passwordReset");
  const stepUp = useTranslations("stepUp");
  const format = useFormatter();
  const [state, action] = useActionState<ResetState, FormData>(resetWithEmailLinkAction, {});
  const error = useChangeFieldError(state);

  if (state.done) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{t("done")}</Notice>
        <Link href="/sign-in" className={buttonClass("primary")}>{t("signIn")}</Link>
      </div>
    );
  }
  if (state.invalid) {
    return (
      <div className="space-y-4">
        <Notice tone="error">{t("linkInvalid")}</Notice>
        <Link href="/forgot-password" className={buttonClass("secondary")}>{t("requestNew")}</Link>
      </div>
    );
  }
  const message = state.message;
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="withQuestions" value={questions.length ? "1" : "0"} />
      {message && (
        <Notice tone="error">
          {message.key === "throttled" ? stepUp("throttled", { time: format.relativeTime(new Date(message.values!.retryAt!), new Date()) }) : stepUp("wrongAnswers")}
        </Notice>
      )}
      {questions.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="mb-3 text-sm font-semibold text-slate-900">{t("questionsLegend")}</legend>
          {questions.map((q) => (
            <TextField
              key={q.position}
              id={`answer${q.position}`}
              label={q.label}
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              required
              error={state.errors?.[`answer${q.position}`] ? stepUp("answerRequired") : undefined}
            />
          ))}
        </fieldset>
      )}
      <div className={questions.length ? "space-y-5 border-t border-slate-100 pt-5" : "space-y-5"}>
        <TextField id="newPassword" label={t("newPassword")} type="password" autoComplete="new-password" required minLength={8} error={error("newPassword")} />
        <TextField id="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" required error={error("confirmPassword")} />
      </div>
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
