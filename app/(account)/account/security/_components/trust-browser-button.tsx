"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";

/** "Trust this browser": it will receive pushed codes. The action decides which guard applies (setup or step-up). */
export function TrustBrowserButton({ action, from }: { action: (state: FormState, data: FormData) => Promise<FormState>; from: string }) {
  const t = useTranslations("trustedDevices");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="from" value={from} />
      {state.message && <Notice tone={state.message.key === "trusted" ? "success" : "error"}>{t(state.message.key as "trusted")}</Notice>}
      <SubmitButton pendingLabel={t("trusting")}>{t("trustThis")}</SubmitButton>
    </form>
  );
}
