"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import { confirmResetKeyAction, resetWithRecoveryKeyAction, type NewPasswordState } from "../actions";
import { NewKeyPanel } from "../new-key-panel";

export function NewPasswordForm({ title, lead }: { title: string; lead: string }) {
  const t = useTranslations("forgotPassword");
  const k = useTranslations("newRecoveryKey");
  const [state, action] = useActionState<NewPasswordState, FormData>(resetWithRecoveryKeyAction, {});
  const error = useChangeFieldError(state);
  const signIn = <Link href="/sign-in" className={buttonClass("primary")}>{t("signIn")}</Link>;

  if (state.recoveryKey) {
    return (
      <div className="space-y-5">
        <h1 className="text-2xl font-bold text-slate-900">{t("doneTitle")}</h1>
        <Notice tone="success">{t("doneLead")}</Notice>
        <NewKeyPanel
          keyText={state.recoveryKey.match(/.{1,4}/g)!.join("-")}
          email={state.email ?? ""}
          confirm={confirmResetKeyAction}
          done={
            <>
              <Notice tone="success">{k("confirmed")}</Notice>
              {signIn}
            </>
          }
        />
        <p className="text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline">{t("signIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{lead}</p>
      <TextField id="newPassword" label={t("newPassword")} type="password" autoComplete="new-password" required minLength={8} error={error("newPassword")} />
      <TextField id="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" required error={error("confirmPassword")} />
      <SubmitButton pendingLabel={t("setting")}>{t("setSubmit")}</SubmitButton>
    </form>
  );
}
