"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import { changePasswordAction, type PasswordState } from "./actions";

export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations("passwordChange");
  const forms = useTranslations("accountForms");
  const format = useFormatter();
  const [state, action] = useActionState<PasswordState, FormData>(changePasswordAction, {});
  const error = useChangeFieldError(state);

  if (state.done) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{t("done")}</Notice>
        <Link href="/account" className={buttonClass("secondary")}>{t("back")}</Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message && (
        <Notice tone="error">{forms("throttled", { time: format.relativeTime(new Date(state.message.values!.retryAt!), new Date()) })}</Notice>
      )}
      {state.errors && (
        <p className="sr-only" role="status">
          {forms("failed")}
        </p>
      )}
      {/* Lets password managers tie the new password to the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField id="currentPassword" label={t("current")} type="password" autoComplete="current-password" required error={error("currentPassword")} />
      <TextField id="newPassword" label={t("new")} type="password" autoComplete="new-password" required minLength={8} hint={t("newHint")} error={error("newPassword")} />
      <TextField id="confirmPassword" label={t("confirm")} type="password" autoComplete="new-password" required error={error("confirmPassword")} />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
