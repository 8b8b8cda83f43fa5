import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentPillClass } from "@/components/ui/pill";

/** Trusted browsers, this one marked; `action` renders a per-row control (e.g. Remove). */
export async function DeviceRows({
  devices,
  action,
}: {
  devices: { id: string; label: string; createdAt: Date; lastUsedAt: Date | null; current: boolean }[];
  action?: (device: { id: string; label: string; current: boolean }) => ReactNode;
}) {
  const t = await getTranslations("trustedDevices");
  const format = await getFormatter();
  return (
    <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label={t("listLabel")}>
      {devices.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
          <div>
            <p className="font-medium text-slate-900">
              {d.label}
              {d.current && <span className={currentPillClass}>{t("thisBrowser")}</span>}
            </p>
            <p className="text-slate-600">{t("trustedSince", { date: format.dateTime(d.createdAt, { dateStyle: "medium" }) })}</p>
          </div>
          {action?.(d)}
        </li>
      ))}
    </ul>
  );
}
