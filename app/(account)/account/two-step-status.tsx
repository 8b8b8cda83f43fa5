import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { Availability } from "@/lib/rollout/availability";
import { pillClass } from "@/components/ui/pill";

export async function TwoStepStatus({ availability, country, enabled }: { availability: Availability; country: string; enabled: boolean }) {
  const t = await getTranslations("account");
  const format = await getFormatter();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const available = availability.status === "available";
  const badge = enabled
    ? { text: t("twoStepOn"), tone: "bg-emerald-100 text-emerald-800" }
    : available
      ? { text: t("statusAvailable"), tone: "bg-brand-100 text-brand-800" }
      : availability.status === "scheduled"
        ? { text: t("statusScheduled"), tone: "bg-amber-100 text-amber-900" }
        : availability.status === "paused"
          ? { text: t("statusPaused"), tone: "bg-amber-100 text-amber-900" }
          : availability.status === "ramping"
            ? { text: t("statusRolling"), tone: "bg-brand-100 text-brand-800" }
            : { text: t("statusNotYet"), tone: "bg-slate-200 text-slate-800" };
  const detail =
    availability.status === "available"
      ? t("twoStepAvailable", { country, date: date(availability.since) })
      : availability.status === "scheduled"
        ? t("twoStepScheduled", { country, date: date(availability.startsAt) })
        : availability.status === "planned"
          ? t("twoStepPlanned", { country })
          : availability.status === "paused"
            ? t("twoStepPaused", { country })
            : availability.status === "ramping"
              ? t("twoStepRolling", { country, percent: availability.percent })
              : t("twoStepNotAvailable", { country });
  return (
    <Card
      title={t("twoStep")}
      actions={<span className={pillClass(badge.tone, "px-2.5 py-1")} data-testid="two-step-badge">{badge.text}</span>}
    >
      <p className="text-sm text-slate-700" data-testid="two-step-availability">{detail}</p>
    </Card>
  );
}
