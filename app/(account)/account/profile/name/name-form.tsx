"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useChangeFieldError } from "@/lib/account-changes/use-change-field-error";
import { changeNameAction, type ProfileState } from "../actions";

export function NameForm({ current }: { current: string }) {
  const t = useTranslations("profileChange");
  const [state, action] = useActionState<ProfileState, FormData>(changeNameAction, {});
  const error = useChangeFieldError(state);
  if (state.done) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{t("nameSaved", { name: state.done })}</Notice>
        <Link href="/account/profile" className={buttonClass("secondary")}>{t("title")}</Link>
      </div>
    );
  }
  return (
    <form action={action} noValidate className="space-y-5">
      <TextField id="name" label={t("newName")} autoComplete="name" required maxLength={100} defaultValue={state.values?.name ?? current} error={error("name")} key={state.values?.name ?? current} />
      <SubmitButton pendingLabel={t("saving")}>{t("nameSubmit")}</SubmitButton>
    </form>
  );
}
