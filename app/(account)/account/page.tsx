import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { describeDevice } from "@/lib/auth/describe-device";
import { listActiveSessions } from "@/lib/auth/sessions";
import { countryName } from "@/lib/countries/country-name";
import { getCountryAvailability } from "@/lib/rollout/get-country-availability";
import { DeviceList } from "./device-list";
import { TwoStepStatus } from "./two-step-status";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const { user, session } = await requireUser("/account");
  const [t, td, format, locale, availability, sessions] = await Promise.all([
    getTranslations("account"),
    getTranslations("devices"),
    getFormatter(),
    getLocale(),
    getCountryAvailability(user.countryCode),
    listActiveSessions(user.id),
  ]);
  const country = countryName(user.countryCode, locale);
  const devices = sessions.map((s) => ({
    id: s.id,
    label: describeDevice(s.userAgent) ?? td("unknownBrowser"),
    ip: s.ip ?? td("unknownPlace"),
    signedIn: format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" }),
    lastSeen: format.relativeTime(s.lastSeenAt, new Date()),
    current: s.id === session.id,
  }));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("greeting", { name: user.name })}</p>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("profile")}>
          <dl className="space-y-3 text-sm">
            {[
              [t("name"), user.name],
              [t("email"), user.email],
              [t("country"), country],
              [t("memberSince"), format.dateTime(user.createdAt, { dateStyle: "long" })],
            ].map(([term, value]) => (
              <div key={term} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 pb-2 last:border-0">
                <dt className="text-slate-600">{term}</dt>
                <dd className="font-medium text-slate-900" data-testid={`profile-${term}`}>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <TwoStepStatus availability={availability} country={country} enabled={!!user.twoStepEnabledAt} />
      </div>
      <Card title={td("title")} description={td("lead")}>
        <DeviceList devices={devices} />
      </Card>
    </div>
  );
}
