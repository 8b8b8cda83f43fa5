"use client";

import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import { requestEmailChangeAction, type ProfileState } from "../actions";

export function EmailForm() {
  const t = useTranslations("profileChange");
  const forms = useTranslations("accountForms");
  const format = useFormatter();
  const [state, action] = useActionState<ProfileState, FormData>(requestEmailChangeAction, {});
  const error = useChangeFieldError(state);
  return (
    <form action={action} noValidate className="space-y-5">
      {state.done && <Notice tone="success">{t("emailSent", { email: state.done })}</Notice>}
      {state.message && <Notice tone="error">{forms("throttled", { time: format.relativeTime(new Date(state.message.values!.retryAt!), new Date()) })}</Notice>}
      <TextField id="email" label={t("newEmail")} type="email" autoComplete="email" required defaultValue={state.values?.email} key={state.values?.email} error={error("email")} />
      <SubmitButton pendingLabel={t("sending")}>{t("emailSubmit")}</SubmitButton>
    </form>
  );
}
