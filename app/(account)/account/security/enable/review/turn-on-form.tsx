"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { turnOnAction } from "../actions";

export function TurnOnForm() {
  const t = useTranslations("enrollment");
  const [state, action] = useActionState<FormState, FormData>(turnOnAction, {});
  return (
    <form action={action} className="space-y-3 border-t border-slate-100 pt-5">
      {state.message && <Notice tone="error">{t(`errors.${state.message.key}` as "errors.needsFactor")}</Notice>}
      <SubmitButton pendingLabel={t("review.turningOn")}>{t("review.turnOn")}</SubmitButton>
    </form>
  );
}
