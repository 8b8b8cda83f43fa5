import { getFormatter, getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/card";
import type { WaitingPeriod } from "@/lib/two-step/enrollment/waiting-period";

/** Why 2SV cannot be turned on yet, and from when it can. */
export async function WaitingNotice({ period }: { period: WaitingPeriod }) {
  const t = await getTranslations("security");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  return (
    <Notice tone="warning">
      <span className="block font-semibold" data-testid="waiting-period">
        {t("waitingTitle", { until: when(period.until) })}
      </span>
      <span className="mt-1 block">{t(`waitingReason.${period.reason}`, { changedAt: when(period.changedAt) })}</span>
      <span className="mt-1 block">{t("waitingWhy", { days: Math.max(1, Math.round((period.until.getTime() - period.changedAt.getTime()) / 86_400_000)) })}</span>
    </Notice>
  );
}
