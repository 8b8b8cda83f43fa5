"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { CodeField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { confirmSignUpAction } from "./actions";

/** The code field, and (lower down, same form) a button for a new code: one answer to show, whichever was pressed. */
export function ConfirmSignUpForm() {
  const t = useTranslations("signUp");
  const [state, action] = useActionState<FormState, FormData>(confirmSignUpAction, {});
  const errorKey = state.errors?.code;
  const error = errorKey ? t(`errors.${errorKey}` as never, { triesLeft: Number(state.message?.values?.triesLeft ?? 0) } as never) : undefined;
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message?.key === "resent" && <Notice tone="success">{t("resent")}</Notice>}
      <CodeField id="code" label={t("code")} hint={t("codeHint")} autoFocus error={error} />
      <SubmitButton pendingLabel={t("confirmPending")} className="w-full">
        {t("confirmSubmit")}
      </SubmitButton>
      <div className="space-y-3 border-t border-slate-200 pt-4 text-sm text-slate-600">
        <p>{t("confirmSpam")}</p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <SubmitButton intent="resend" variant="secondary" pendingLabel={t("resendPending")}>
            {t("resend")}
          </SubmitButton>
          <Link href="/sign-up" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("startAgain")}
          </Link>
        </div>
      </div>
    </form>
  );
}
