"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { removePasskeyAction } from "./actions";

/** The explicit "yes" before a passkey stops working here; the last factor of a 2SV account is refused. */
export function RemovePasskeyConfirm({ id, name, onCancel }: { id: string; name: string; onCancel: () => void }) {
  const t = useTranslations("passkeys");
  const [state, action] = useActionState<FormState, FormData>(removePasskeyAction, {});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const refused = state.message && state.message.key !== "removed" ? state.message.key : null;
  return (
    <div role="group" aria-labelledby={`remove-${id}`} className="mt-3 rounded-xl bg-red-50/60 p-4 ring-1 ring-red-200">
      <h3 id={`remove-${id}`} ref={heading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">
        {t("confirmTitle", { name })}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{t("confirmBody")}</p>
      {refused && (
        <div className="mt-3">
          <Notice tone="error">{t(`errors.${refused}` as "errors.LAST_FACTOR")}</Notice>
        </div>
      )}
      <form action={action} className="mt-3 flex flex-wrap gap-2">
        <input type="hidden" name="passkeyId" value={id} />
        <SubmitButton variant="danger" pendingLabel={t("removing")}>
          {t("confirmRemove")}
        </SubmitButton>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </form>
    </div>
  );
}
