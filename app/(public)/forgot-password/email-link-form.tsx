"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import type { FormState } from "@/lib/forms/form-state";
import { requestResetLinkAction } from "./actions";

export function EmailLinkForm() {
  const t = useTranslations("forgotPassword");
  const format = useFormatter();
  const [state, action] = useActionState<FormState, FormData>(requestResetLinkAction, {});
  const error = useChangeFieldError(state);
  const message = state.message;
  return (
    <form action={action} noValidate className="space-y-4">
      {message?.key === "emailSent" && <Notice tone="success">{t("emailSent", { email: message.values!.email! })}</Notice>}
      {message?.key === "throttled" && <Notice tone="error">{t("throttled", { time: format.relativeTime(new Date(message.values!.retryAt!), new Date()) })}</Notice>}
      <TextField id="resetEmail" label={t("email")} type="email" autoComplete="email" required defaultValue={state.values?.resetEmail} key={state.values?.resetEmail} error={error("resetEmail")} />
      <SubmitButton variant="secondary" pendingLabel={t("sending")} className="w-full">{t("emailSubmit")}</SubmitButton>
    </form>
  );
}
