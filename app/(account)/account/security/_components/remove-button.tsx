"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";

/** A per-row "Remove" whose refusal (e.g. the last factor) is shown beside the row. */
export function RemoveButton({
  action,
  name,
  value,
  label,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  name: string;
  value: string;
  label: string;
}) {
  const t = useTranslations("securityManage");
  const [state, formAction] = useActionState(action, {});
  const refused = state.message && state.message.key !== "removed";
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name={name} value={value} />
      <SubmitButton variant="danger" pendingLabel={t("removing")}>
        <span aria-hidden>{t("remove")}</span>
        <span className="sr-only">{label}</span>
      </SubmitButton>
      {refused && (
        <p role="alert" className="max-w-xs text-right text-sm text-red-700">
          {t(`errors.${state.message!.key}` as "errors.LAST_FACTOR")}
        </p>
      )}
    </form>
  );
}
