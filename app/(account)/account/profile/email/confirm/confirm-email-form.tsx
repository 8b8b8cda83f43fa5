"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmEmailChangeAction, type ProfileState } from "../../actions";

/** A button, not the link itself, makes the change: mail scanners that open links must not change anyone's email. */
export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("profileChange");
  const [state, action] = useActionState<ProfileState, FormData>(confirmEmailChangeAction, {});
  if (state.done) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{t("emailChanged", { email: state.done })}</Notice>
        <Link href="/account/profile" className={buttonClass("secondary")}>{t("title")}</Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      {state.message && <Notice tone="error">{t(state.message.key as "linkInvalid")}</Notice>}
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel={t("confirming")}>{t("confirmEmailSubmit")}</SubmitButton>
    </form>
  );
}
