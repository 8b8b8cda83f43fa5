"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldError } from "@/components/ui/use-field-error";
import type { FormState } from "@/lib/forms/form-state";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const format = useFormatter();
  const [state, action] = useActionState<FormState, FormData>(signInAction, {});
  const error = useFieldError(state);
  const message = state.message;
  return (
    <form action={action} noValidate className="space-y-5">
      {message && (
        <Notice tone="error">
          {message.key === "throttled"
            ? t("throttled", { time: format.relativeTime(new Date(message.values!.retryAt!), new Date()) })
            : message.key === "locked"
              ? t.rich("locked", { reset: (chunks) => <Link href="/forgot-password" className="font-medium underline">{chunks}</Link> })
              : t("invalid")}
        </Notice>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField id="email" label={t("email")} type="email" autoComplete="username" required defaultValue={state.values?.email} error={error("email")} />
      <TextField id="password" label={t("password")} type="password" autoComplete="current-password" required error={error("password")} />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="inline-block py-1 font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("forgot")}
        </Link>
      </p>
      <SubmitButton pendingLabel={t("pending")} className="w-full">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
