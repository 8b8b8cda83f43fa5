"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { maxPasskeyNameLength } from "@/lib/two-step/passkeys/passkey-name";
import { renamePasskeyAction } from "./actions";

export function RenamePasskeyForm({ id, name, onCancel, onRenamed }: { id: string; name: string; onCancel: () => void; onRenamed: (name: string) => void }) {
  const t = useTranslations("passkeys");
  const [state, action] = useActionState<FormState, FormData>(async (prev, data) => {
    const next = await renamePasskeyAction(prev, data);
    if (next.message?.key === "renamed") onRenamed(next.message.values?.name ?? "");
    return next;
  }, {});
  const fieldKey = state.errors?.name;
  return (
    <form action={action} noValidate className="mt-3 space-y-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
      {state.message && state.message.key !== "renamed" && <Notice tone="error">{t(`errors.${state.message.key}` as "errors.NOT_FOUND")}</Notice>}
      <input type="hidden" name="passkeyId" value={id} />
      <TextField
        id={`name-${id}`}
        name="name"
        label={t("newName", { name })}
        defaultValue={state.values?.name ?? name}
        maxLength={maxPasskeyNameLength}
        autoComplete="off"
        autoFocus
        required
        error={fieldKey ? t(`errors.${fieldKey}` as "errors.NAME_REQUIRED", { max: maxPasskeyNameLength }) : undefined}
      />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={t("saving")}>{t("saveName")}</SubmitButton>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
