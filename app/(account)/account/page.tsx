import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { SecurityCheckup } from "@/components/account/security-checkup";
import { getDeviceNamer, nameTrustedDevice } from "@/i18n/device-names";
import { TrustedDevicesCard } from "@/components/account/trusted-devices-card";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { hasSessionEnded } from "@/lib/auth/session-limits";
import { listActiveSessions } from "@/lib/auth/sessions";
import { countryName } from "@/lib/countries/country-name";
import { hashToken } from "@/lib/crypto/secrets";
import { getAccountAvailability } from "@/lib/rollout/get-country-availability";
import { readDeviceToken } from "@/lib/two-step/device-cookie";
import { requireStepUp } from "@/lib/two-step/step-up";
import { listTrustedDevices } from "@/lib/two-step/trusted-devices";
import { DeviceList } from "./device-list";
import { countFactors } from "@/lib/two-step/enrollment/count-factors";
import { isRecoveryKeyConfirmed, listRecentSignIns } from "./load-security-checkup";
import { assessAccountSecurity } from "./security-checkup";
import { TwoStepStatus } from "./two-step-status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session } = await requireUser("/account");
  const params = await searchParams;
  const [t, td, tc, format, locale, name, availability, sessions, trusted, factors, keyConfirmed, signIns, deviceToken] = await Promise.all([
    getTranslations("account"),
    getTranslations("devices"),
    getTranslations("checkup"),
    getFormatter(),
    getLocale(),
    getDeviceNamer(),
    getAccountAvailability({ countryCode: user.countryCode, userId: user.id }),
    listActiveSessions(user.id),
    listTrustedDevices(user.id),
    countFactors({ userId: user.id }),
    isRecoveryKeyConfirmed(user.id),
    listRecentSignIns(user.id),
    readDeviceToken(),
  ]);
  const now = new Date();
  const country = countryName(user.countryCode, locale);
  const devices = sessions.map((s) => ({
    id: s.id,
    label: name(s.userAgent) ?? td("unknownBrowser"),
    ip: s.ip ?? td("unknownPlace"),
    signedIn: format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" }),
    lastSeen: format.relativeTime(s.lastSeenAt, now),
    current: s.id === session.id,
  }));

  const thisBrowser = deviceToken ? hashToken(deviceToken) : null;
  const trustedRows = trusted.map((d) => ({
    id: d.id,
    label: nameTrustedDevice(d, name, td("unknownBrowser")),
    trustedSince: format.dateTime(d.createdAt, { dateStyle: "medium" }),
    rememberedUntil: d.rememberUntil && d.rememberUntil > now ? format.dateTime(d.rememberUntil, { dateStyle: "medium", timeStyle: "short" }) : null,
    receivesCodes: d.receivesCodes,
    current: d.tokenHash === thisBrowser,
  }));
  // Removing a trusted browser is a sensitive change: confirm with a fresh code first, then ask "are you sure?".
  const removeDevice = typeof params.removeDevice === "string" ? trustedRows.find((d) => d.id === params.removeDevice)?.id : undefined;
  if (removeDevice) {
    await requireStepUp({ sessionId: session.id, action: "devices", returnTo: `/account?removeDevice=${removeDevice}#trusted-devices` });
  }

  const checkup = assessAccountSecurity({
    twoStepEnabled: !!user.twoStepEnabledAt,
    twoStepAvailable: availability.status === "available",
    recoveryKeyConfirmed: keyConfirmed,
    secondFactors: factors.total,
  });
  const recentSignIns = signIns.map((s) => ({
    id: s.id,
    browser: name(s.userAgent) ?? tc("signIns.unknownBrowser"),
    place: s.ip ? tc("signIns.place", { ip: s.ip }) : tc("signIns.unknownPlace"),
    when: format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" }),
    state: signInState(s, { currentId: session.id, twoStepEnabledAt: user.twoStepEnabledAt }),
  }));

  return (
    <ClientMessages namespaces={["devices", "trustedBrowsers"]}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
            <p className="mt-1 text-slate-600">{t("greeting", { name: user.name })}</p>
          </div>
          <Link href="/account/security" className={buttonClass("secondary")}>
            <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4 text-brand-700">
              <path fillRule="evenodd" clipRule="evenodd" d="M10 1.5 3 4.3v5.2c0 4.2 2.9 7.7 7 9 4.1-1.3 7-4.8 7-9V4.3l-7-2.8Zm3.7 6.2a1 1 0 0 0-1.4-1.4L9 9.6 7.7 8.3a1 1 0 0 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4Z" />
            </svg>
            {tc("securitySettings")}
          </Link>
        </div>
        <SecurityCheckup items={checkup.items} passed={checkup.passed} total={checkup.total} values={{ country, count: factors.total }} signIns={recentSignIns} />
        <div className="grid gap-6 md:grid-cols-2">
          <Card
            title={t("profile")}
            actions={
              <Link href="/account/profile" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
                {t("manageProfile")}
              </Link>
            }
          >
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
        <TrustedDevicesCard devices={trustedRows} confirmId={removeDevice} removed={params.deviceRemoved === "1"} />
        <div id="signed-in-devices" className="scroll-mt-6">
          <Card title={td("title")} description={td("lead")}>
            <DeviceList devices={devices} />
          </Card>
        </div>
        {/* Until the root layout mounts it for every page; a second mount there is harmless (one instance polls). */}
      </div>
    </ClientMessages>
  );
}

/** A sign-in that passed the password but never the code (2SV on) is worth a second look. */
function signInState(
  s: { id: string; aal: number; createdAt: Date; authenticatedAt: Date; lastSeenAt: Date; revokedAt: Date | null },
  { currentId, twoStepEnabledAt }: { currentId: string; twoStepEnabledAt: Date | null },
) {
  if (s.id === currentId) return "current" as const;
  if (twoStepEnabledAt && s.aal < 2 && s.createdAt >= twoStepEnabledAt) return "incomplete" as const;
  // Signed out, or past its time limits (which nobody records: the session just stops letting its browser in).
  return s.revokedAt || hasSessionEnded(s, { twoStepEnabledAt }, new Date()) ? ("ended" as const) : ("active" as const);
}
