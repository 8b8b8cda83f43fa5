import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Notice } from "@/components/ui/card";
import { DeviceRows } from "../../_components/device-rows";
import { deviceOverview } from "../../_components/device-data";
import { loadWizard } from "../../_components/load-wizard";
import { RefreshEvery } from "../../_components/refresh-every";
import { TrustBrowserButton } from "../../_components/trust-browser-button";
import { WizardShell } from "../../_components/wizard-shell";
import { verifiedPhones } from "../../_components/phone-data";
import { countFactors } from "@/lib/two-step/enrollment/count-factors";
import { smsReachesCountry } from "@/lib/countries/sms-reaches-country";
import { trustThisBrowserAction } from "../actions";
import { ContinueDevices } from "./continue-devices";
import { HeldFactors } from "./held-factors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enrollment");
  return { title: t("devices.title") };
}

export default async function DevicesStep() {
  const { user, session, reached } = await loadWizard("devices");
  const [t, format, overview, phones] = await Promise.all([
    getTranslations("enrollment"),
    getFormatter(),
    deviceOverview({ userId: user.id, sessionId: session.id }),
    verifiedPhones(user.id),
  ]);
  const held = await countFactors({ userId: user.id });
  const factors = held.total;
  const smsHome = await smsReachesCountry(user.countryCode);
  return (
    <ClientMessages namespaces={["authenticator", "enrollment", "passkeyForm", "trustedDevices"]}>
      <WizardShell step="devices" reached={reached} title={t("devices.title")} lead={t("devices.lead")}>
        <RefreshEvery ms={4000} />
        <div className="space-y-6">
          {/* Without carriers at home, an app or a passkey is the surest first factor: offer it first. */}
          {!smsHome && <HeldFactors userId={user.id} countryCode={user.countryCode} first />}
          <div className="space-y-3">
            <h2 className="text-sm font-semibold text-slate-900">{t("devices.thisBrowser")}</h2>
            {overview.thisDeviceTrusted ? (
              <Notice tone="success">{t("devices.thisTrusted")}</Notice>
            ) : (
              <>
                <p className="text-sm text-slate-600">{t("devices.thisHint")}</p>
                <TrustBrowserButton action={trustThisBrowserAction} from="wizard" />
              </>
            )}
          </div>

          {overview.devices.length > 0 && (
            <div className="space-y-2">
              <h2 className="text-sm font-semibold text-slate-900">{t("devices.trusted")}</h2>
              <DeviceRows devices={overview.devices} />
            </div>
          )}

          <div className="space-y-2">
            <h2 className="text-sm font-semibold text-slate-900">{t("devices.others")}</h2>
            {overview.otherSessions.length ? (
              <>
                <p className="text-sm text-slate-600">{t("devices.othersHint")}</p>
                <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label={t("devices.others")}>
                  {overview.otherSessions.map((s) => (
                    <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                      <span className="font-medium text-slate-900">{s.label ?? t("devices.unknownBrowser")}</span>
                      <span className="text-slate-600">{t("devices.lastSeen", { when: format.relativeTime(s.lastSeenAt, new Date()) })}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="text-sm text-slate-600">{t("devices.noOthers")}</p>
            )}
          </div>

          {smsHome && <HeldFactors userId={user.id} countryCode={user.countryCode} />}

          <div className="border-t border-slate-100 pt-5">
            <p className="mb-3 text-sm text-slate-600" data-testid="factor-count">
              {t("devices.factorCount", { phones: phones.length, devices: overview.devices.length })}
              {held.apps + held.passkeys > 0 && <> {t("devices.heldCount", { apps: held.apps, passkeys: held.passkeys })}</>}
            </p>
            <ContinueDevices disabled={factors === 0} />
          </div>
        </div>
      </WizardShell>
    </ClientMessages>
  );
}
