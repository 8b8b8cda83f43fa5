"use client";

import { useActionState, useEffect, useRef } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { removeTrustedDeviceAction } from "@/app/(account)/account/trusted-device-actions";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";

/** Shown after the step-up: the last, explicit "yes" before a browser stops being trusted. */
export function RemoveDeviceConfirm({ deviceId, label }: { deviceId: string; label: string }) {
  const t = useTranslations("trustedBrowsers");
  const [state, action] = useActionState<FormState, FormData>(removeTrustedDeviceAction, {});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div role="group" aria-labelledby={`remove-${deviceId}`} className="mt-3 rounded-xl bg-red-50/60 p-4 ring-1 ring-red-200">
      <h3 id={`remove-${deviceId}`} ref={heading} tabIndex={-1} className="font-semibold text-slate-900 focus:outline-none">
        {t("confirmTitle", { device: label })}
      </h3>
      <p className="mt-1 text-sm text-slate-700">{t("confirmBody")}</p>
      {state.message && (
        <div className="mt-3">
          <Notice tone="error">{t(state.message.key as "notFound")}</Notice>
        </div>
      )}
      <form action={action} className="mt-3 flex flex-wrap gap-2">
        <input type="hidden" name="deviceId" value={deviceId} />
        <SubmitButton variant="danger" pendingLabel={t("removing")}>
          {t("confirmRemove")}
        </SubmitButton>
        <Link href="/account#trusted-devices" className={buttonClass("ghost")}>
          {t("cancel")}
        </Link>
      </form>
    </div>
  );
}
