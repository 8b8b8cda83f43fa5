"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import { revokeDeviceAction, revokeOtherDevicesAction } from "./actions";
import { currentPillClass } from "@/components/ui/pill";

interface Device {
  id: string;
  label: string;
  ip: string;
  signedIn: string;
  lastSeen: string;
  current: boolean;
}

export function DeviceList({ devices }: { devices: Device[] }) {
  const t = useTranslations("devices");
  const [oneState, revokeOne] = useActionState<FormState, FormData>(revokeDeviceAction, {});
  const [othersState, revokeOthers] = useActionState<FormState, FormData>(revokeOtherDevicesAction, {});
  const message = othersState.message ?? oneState.message;
  const others = devices.filter((d) => !d.current);
  return (
    <div className="space-y-4">
      {message && <Notice tone="success">{t(message.key as "revokedOne", { count: Number(message.values?.count ?? 0) })}</Notice>}
      <ul className="divide-y divide-slate-100" aria-label={t("title")}>
        {devices.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {d.label}
                {d.current && (
                  <span className={currentPillClass}>{t("thisDevice")}</span>
                )}
              </p>
              <p className="text-sm text-slate-600">
                {d.ip} · {t("signedIn", { date: d.signedIn })} · {t("lastSeen", { date: d.lastSeen })}
              </p>
            </div>
            {!d.current && (
              <form action={revokeOne}>
                <input type="hidden" name="sessionId" value={d.id} />
                <SubmitButton variant="secondary" pendingLabel={t("signingOut")}>
                  <span aria-hidden>{t("signOutDevice")}</span>
                  <span className="sr-only">{t("signOutDeviceLabel", { device: d.label })}</span>
                </SubmitButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <form action={revokeOthers}>
          <SubmitButton variant="danger" pendingLabel={t("signingOut")}>
            {t("signOutOthers")}
          </SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("noOthers")}</p>
      )}
    </div>
  );
}
