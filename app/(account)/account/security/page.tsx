import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { buttonClass } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { countryName } from "@/lib/countries/country-name";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { getEnrollment } from "@/lib/two-step/enrollment/get-enrollment";
import { enrollmentSteps, stepIndex } from "@/lib/two-step/enrollment/steps";
import { currentRecoveryKey } from "@/lib/two-step/recovery-key";
import { lowBackupCodes } from "@/lib/two-step/backup-codes/backup-code-rules";
import { DeviceRows } from "./_components/device-rows";
import { factorSummary } from "./_components/factor-summary";
import { deviceOverview } from "./_components/device-data";
import { verifiedPhones } from "./_components/phone-data";
import { TrustBrowserButton } from "./_components/trust-browser-button";
import { WaitingNotice } from "./_components/waiting-notice";
import { trustThisBrowserAction } from "./enable/actions";
import { pillClass } from "@/components/ui/pill";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("title") };
}

const doneKeys = ["enabled", "disabled", "keyConfirmed", "questions", "authenticator", "authenticatorRemoved"] as const;
const link = "text-sm font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ done?: string | string[]; staff?: string | string[] }> }) {
  const { user, session } = await requireUser("/account/security");
  const { done, staff } = await searchParams;
  const [t, format, locale, status, enrollment] = await Promise.all([
    getTranslations("security"),
    getFormatter(),
    getLocale(),
    getEligibility({ user }),
    getEnrollment(user.id),
  ]);
  const enabled = status.status === "enabled";
  const [questions, phones, devices, key, held] = await Promise.all([
    enabled ? Promise.resolve(false) : hasSecurityQuestions(user.id),
    enabled ? verifiedPhones(user.id) : Promise.resolve([]),
    deviceOverview({ userId: user.id, sessionId: session.id }),
    enabled ? currentRecoveryKey(user.id) : Promise.resolve(null),
    enabled ? factorSummary(user.id) : Promise.resolve(null),
  ]);
  const country = countryName(user.countryCode, locale);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const doneKey = doneKeys.find((k) => k === done);

  const badge = enabled
    ? { text: t("badgeOn"), tone: "bg-emerald-100 text-emerald-800" }
    : status.status === "unavailable"
      ? { text: t("badgeUnavailable"), tone: "bg-slate-200 text-slate-800" }
      : { text: t("badgeOff"), tone: "bg-amber-100 text-amber-900" };

  return (
    <ClientMessages namespaces={["trustedDevices"]}>
      <div className="mx-auto max-w-3xl space-y-6">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-slate-600">{t("lead")}</p>
        </div>
        {doneKey && <Notice tone="success">{t(`done.${doneKey}`)}</Notice>}
        {staff === "required" && !user.twoStepEnabledAt && <Notice tone="warning">{t("staffRequired")}</Notice>}

        <Card
          title={t("twoStep")}
          actions={<span className={pillClass(badge.tone, "px-2.5 py-1")} data-testid="two-step-status">{badge.text}</span>}
        >
          <div className="space-y-4 text-sm text-slate-700">
            {status.status === "enabled" && (
              <>
                <p>{t("onSince", { date: date(user.twoStepEnabledAt!) })}</p>
                <p>{t("onExplain")}</p>
                <Link href="/account/security/disable" className={buttonClass("danger")}>{t("turnOff")}</Link>
              </>
            )}
            {status.status === "unavailable" && (
              <p data-testid="availability">
                {status.availability.status === "scheduled"
                  ? t("scheduled", { country, date: date(status.availability.startsAt) })
                  : status.availability.status === "planned"
                    ? t("planned", { country })
                    : status.availability.status === "paused"
                      ? t("paused", { country })
                      : status.availability.status === "ramping"
                        ? t("rolling", { country, percent: status.availability.percent })
                        : t("notAvailable", { country })}
              </p>
            )}
            {(status.status === "eligible" || status.status === "waiting") && (
              <>
                <p>{t("offExplain")}</p>
                {status.status === "waiting" && <WaitingNotice period={status.period} />}
                {enrollment ? (
                  <div className="space-y-3">
                    <p className="font-medium text-slate-900">
                      {t("inProgress", { step: stepIndex(enrollment.step) + 1, total: enrollmentSteps.length })}
                    </p>
                    <Link href="/account/security/enable" className={buttonClass()}>{t("continueSetup")}</Link>
                    {stepIndex(enrollment.step) >= stepIndex("devices") &&
                      (devices.thisDeviceTrusted ? (
                        <Notice tone="success">{t("thisTrusted")}</Notice>
                      ) : (
                        <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
                          <p className="mb-3">{t("trustFromHere")}</p>
                          <TrustBrowserButton action={trustThisBrowserAction} from="security" />
                        </div>
                      ))}
                  </div>
                ) : (
                  status.status === "eligible" && (
                    <Link href="/account/security/enable" className={buttonClass()}>{t("turnOn")}</Link>
                  )
                )}
              </>
            )}
          </div>
        </Card>

        {!enabled && (
          <Card title={t("questionsTitle")} description={t("questionsLead")}>
            {questions ? (
              <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
                <p className="text-slate-700" data-testid="questions-status">{t("questionsSet")}</p>
                <Link href="/account/questions?next=/account/security" className={link}>{t("questionsChange")}</Link>
              </div>
            ) : (
              <div className="space-y-3">
                <Notice tone="warning">
                  <span data-testid="questions-status">{t("questionsMissing")}</span>
                </Notice>
                <Link href="/account/questions?next=/account/security" className={buttonClass()}>{t("questionsSetNow")}</Link>
              </div>
            )}
          </Card>
        )}

        {enabled && (
          <>
            <Card title={t("phonesTitle")} description={t("phonesLead")} actions={<Link href="/account/security/phones" className={link}>{t("manage")}<span className="sr-only"> {t("phonesTitle")}</span></Link>}>
              {phones.length ? (
                <>
                  <ul className="divide-y divide-slate-100 text-sm" aria-label={t("phonesTitle")}>
                    {phones.map((p) => (
                      <li key={p.id} className="py-2 font-mono text-slate-900">{p.display}</li>
                    ))}
                  </ul>
                  {/* NIST SP 800-63B rev 4 §3.1.3.3: SMS is a restricted authenticator; say so and offer better. */}
                  {!held!.app && !held!.passkeys && <p className="mt-3 text-sm text-slate-600">{t("smsRisk")}</p>}
                </>
              ) : (
                <p className="text-sm text-slate-600">{t("noPhones")}</p>
              )}
            </Card>
            <Card title={t("devicesTitle")} description={t("devicesLead")} actions={<Link href="/account/security/devices" className={link}>{t("manage")}<span className="sr-only"> {t("devicesTitle")}</span></Link>}>
              {devices.devices.length ? <DeviceRows devices={devices.devices} /> : <p className="text-sm text-slate-600">{t("noDevices")}</p>}
            </Card>
            <Card title={t("appTitle")} description={t("appLead")} actions={<Link href="/account/security/authenticator" className={link}>{held!.app ? t("manage") : t("setUp")}<span className="sr-only"> {t("appTitle")}</span></Link>}>
              <p className="text-sm text-slate-700" data-testid="app-status">
                {held!.app ? t("appOn", { date: date(held!.app.confirmedAt) }) : t("appOff")}
              </p>
            </Card>
            <Card title={t("passkeysTitle")} description={t("passkeysLead")} actions={<Link href="/account/security/passkeys" className={link}>{held!.passkeys ? t("manage") : t("add")}<span className="sr-only"> {t("passkeysTitle")}</span></Link>}>
              <p className="text-sm text-slate-700" data-testid="passkeys-status">{t("passkeysCount", { count: held!.passkeys })}</p>
            </Card>
            <Card title={t("backupTitle")} description={t("backupLead")} actions={<Link href="/account/security/backup-codes" className={link}>{held!.backupCodes ? t("manage") : t("create")}<span className="sr-only"> {t("backupTitle")}</span></Link>}>
              {held!.backupCodes > 0 && held!.backupCodes <= lowBackupCodes ? (
                <Notice tone="warning"><span data-testid="backup-status">{t("backupLow", { count: held!.backupCodes })}</span></Notice>
              ) : (
                <p className="text-sm text-slate-700" data-testid="backup-status">{t("backupLeft", { count: held!.backupCodes })}</p>
              )}
            </Card>
            <Card title={t("appPasswordsTitle")} description={t("appPasswordsLead")} actions={<Link href="/account/security/app-passwords" className={link}>{t("manage")}<span className="sr-only"> {t("appPasswordsTitle")}</span></Link>}>
              <p className="text-sm text-slate-700">{t("appPasswordsCount", { count: held!.appPasswords })}</p>
            </Card>
            <Card title={t("keyTitle")} description={t("keyLead")}>
              <div className="space-y-4">
                {key ? (
                  <p className="text-sm text-slate-700" data-testid="key-status">
                    {key.confirmedAt ? t("keyConfirmed", { date: date(key.createdAt) }) : t("keyUnconfirmed", { date: date(key.createdAt) })}
                  </p>
                ) : (
                  <Notice tone="warning">{t("keyMissing")}</Notice>
                )}
                <Link href="/account/recovery-key" className={buttonClass("secondary")}>{t("keyReplace")}</Link>
              </div>
            </Card>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
