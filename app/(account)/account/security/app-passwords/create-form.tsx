"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CreateAppPasswordState } from "./actions";

/** Label → a new password, shown this once with how to use it. */
export function CreateAppPasswordForm({ action }: { action: (state: CreateAppPasswordState, data: FormData) => Promise<CreateAppPasswordState> }) {
  const t = useTranslations("appPasswords");
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-4">
      {state.password && (
        <div className="space-y-2 rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200" role="status">
          <p className="font-medium">{t("created", { label: state.label ?? "" })}</p>
          <p className="font-mono text-lg tracking-wider text-slate-900" data-testid="new-app-password">{state.password}</p>
          <p>{t("createdHint")}</p>
        </div>
      )}
      {state.message && <Notice tone="error">{t(`errors.${state.message.key}` as "errors.TOO_MANY")}</Notice>}
      <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="w-full max-w-xs">
          <TextField
            id="label"
            name="label"
            label={t("label")}
            placeholder={t("labelPlaceholder")}
            maxLength={60}
            required
            defaultValue={state.password ? "" : state.values?.label}
            key={state.password ?? "form"}
            error={state.errors?.label ? t(`errors.${state.errors.label}` as "errors.labelRequired") : undefined}
          />
        </div>
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
    </div>
  );
}
