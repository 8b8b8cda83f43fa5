"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { startEnrollmentAction } from "../actions";

export function ExplainForm() {
  const t = useTranslations("enrollment");
  const format = useFormatter();
  const [state, action] = useActionState<FormState, FormData>(startEnrollmentAction, {});
  const key = state.errors?.password;
  const retryAt = state.message?.values?.retryAt;
  const error = key
    ? key === "throttled" && retryAt
      ? t("errors.throttled", { retryAt: format.relativeTime(new Date(retryAt), new Date()) })
      : t(`errors.${key}` as "errors.wrongPassword")
    : undefined;
  return (
    <form action={action} noValidate className="space-y-4">
      <TextField
        id="password"
        label={t("explain.password")}
        hint={t("explain.passwordHint")}
        type="password"
        autoComplete="current-password"
        required
        error={error}
        className="block w-full max-w-sm rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <SubmitButton pendingLabel={t("checking")}>{t("explain.submit")}</SubmitButton>
    </form>
  );
}
