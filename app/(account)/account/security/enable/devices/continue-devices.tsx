"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { leaveDevicesStepAction } from "../actions";

export function ContinueDevices({ disabled }: { disabled: boolean }) {
  const t = useTranslations("enrollment");
  const [state, action] = useActionState<FormState, FormData>(leaveDevicesStepAction, {});
  return (
    <form action={action} className="space-y-3">
      {(state.message || disabled) && <Notice tone={state.message ? "error" : "info"}>{t("errors.needsFactor")}</Notice>}
      <SubmitButton pendingLabel={t("saving")}>{t("continue")}</SubmitButton>
    </form>
  );
}
