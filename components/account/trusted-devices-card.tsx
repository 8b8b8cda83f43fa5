import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { RemoveDeviceConfirm } from "./remove-device-confirm";
import { currentPillClass } from "@/components/ui/pill";

export interface TrustedDeviceRow {
  id: string;
  label: string;
  trustedSince: string;
  /** Formatted date while the browser is remembered (skips the second step); null otherwise. */
  rememberedUntil: string | null;
  receivesCodes: boolean;
  current: boolean;
}

/**
 * The account's trusted browsers. "Remove" first passes a step-up (action "devices"), then asks to confirm here:
 * the link reloads the overview with ?removeDevice=<id>, which the page guards with requireStepUp.
 */
export async function TrustedDevicesCard({ devices, confirmId, removed }: { devices: TrustedDeviceRow[]; confirmId?: string; removed?: boolean }) {
  const t = await getTranslations("trustedBrowsers");
  return (
    <section id="trusted-devices" aria-labelledby="trusted-devices-title" className="scroll-mt-6 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="trusted-devices-title" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      {removed && (
        <div className="mt-4">
          <Notice tone="success">{t("removed")}</Notice>
        </div>
      )}
      {devices.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100" aria-label={t("listLabel")}>
          {devices.map((d) => (
            <li key={d.id} className="py-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">
                    {d.label}
                    {d.current && <span className={currentPillClass}>{t("thisBrowser")}</span>}
                  </p>
                  <p className="text-sm text-slate-600">
                    {t("trustedSince", { date: d.trustedSince })}
                    {d.receivesCodes && <> · {t("receivesCodes")}</>}
                  </p>
                  {d.rememberedUntil && <p className="text-sm text-slate-600">{t("rememberedUntil", { date: d.rememberedUntil })}</p>}
                </div>
                {confirmId !== d.id && (
                  <Link href={`/account?removeDevice=${d.id}#trusted-devices`} className={buttonClass("secondary")} prefetch={false}>
                    <span aria-hidden>{t("remove")}</span>
                    <span className="sr-only">{t("removeLabel", { device: d.label })}</span>
                  </Link>
                )}
              </div>
              {confirmId === d.id && <RemoveDeviceConfirm deviceId={d.id} label={d.label} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
