"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import type { FormState } from "@/lib/forms/form-state";
import { startRecoveryAction } from "./actions";

export function RecoveryKeyForm() {
  const t = useTranslations("forgotPassword");
  const format = useFormatter();
  const [state, action] = useActionState<FormState, FormData>(startRecoveryAction, {});
  const fieldError = useChangeFieldError(state);
  const error = (field: string) => (state.errors?.[field] === "recoveryKeyRequired" ? t("recoveryKeyRequired") : fieldError(field));
  return (
    <form action={action} noValidate className="space-y-4">
      {state.message && (
        <Notice tone="error">
          {state.message.key === "throttled" ? t("throttled", { time: format.relativeTime(new Date(state.message.values!.retryAt!), new Date()) }) : t("invalid")}
        </Notice>
      )}
      <TextField id="email" label={t("email")} type="email" autoComplete="username" required defaultValue={state.values?.email} key={state.values?.email} error={error("email")} />
      <TextField
        id="recoveryKey"
        label={t("recoveryKey")}
        hint={t("recoveryKeyHint")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        required
        error={error("recoveryKey")}
        className="block w-full rounded-lg border bg-white px-3 py-2 font-mono uppercase tracking-widest shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
      />
      <SubmitButton pendingLabel={t("pending")} className="w-full">{t("keySubmit")}</SubmitButton>
    </form>
  );
}
