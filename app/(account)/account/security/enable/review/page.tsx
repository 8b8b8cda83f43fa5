import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { deviceOverview } from "../../_components/device-data";
import { loadWizard } from "../../_components/load-wizard";
import { verifiedPhones } from "../../_components/phone-data";
import { WaitingNotice } from "../../_components/waiting-notice";
import { WizardShell } from "../../_components/wizard-shell";
import { TurnOnForm } from "./turn-on-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { hasSecurityQuestions } from "@/lib/security-questions/security-questions";
import { listPasskeys } from "@/lib/two-step/passkeys/list-passkeys";
import { getAuthenticator } from "@/lib/two-step/totp/get-authenticator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enrollment");
  return { title: t("review.title") };
}

export default async function ReviewStep() {
  const { user, session, status, reached } = await loadWizard("review");
  const [t, format, phones, overview, app, keys, hasQuestions] = await Promise.all([
    getTranslations("enrollment"),
    getFormatter(),
    verifiedPhones(user.id),
    deviceOverview({ userId: user.id, sessionId: session.id }),
    getAuthenticator(user.id),
    listPasskeys(user.id),
    hasSecurityQuestions(user.id),
  ]);
  // Every factor that will work once 2SV is on is named here: the owner turns on only what they recognise.
  const summary = [
    { term: t("review.phones"), value: phones.length ? format.list(phones.map((p) => p.display)) : t("review.none") },
    { term: t("review.devices"), value: overview.devices.length ? format.list(overview.devices.map((d) => d.label)) : t("review.none") },
    { term: t("held.appTitle"), value: app ? t("review.appReady") : t("review.none") },
    { term: t("held.passkeyTitle"), value: keys.length ? format.list(keys.map((k) => k.name)) : t("review.none") },
    { term: t("review.key"), value: t("review.keyConfirmed") },
  ];
  return (
    <ClientMessages namespaces={["enrollment"]}>
      <WizardShell step="review" reached={reached} title={t("review.title")} lead={t("review.lead")}>
        <div className="space-y-6">
          <dl className="space-y-3 text-sm">
            {summary.map((s) => (
              <div key={s.term} className="flex flex-wrap justify-between gap-2 border-b border-slate-100 pb-2 last:border-0">
                <dt className="text-slate-600">{s.term}</dt>
                <dd className="font-medium text-slate-900">{s.value}</dd>
              </div>
            ))}
          </dl>
          <div>
            <h2 className="text-sm font-semibold text-slate-900">{t("review.whatHappens")}</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
              <li>{t("review.othersSignedOut", { count: overview.otherSessions.length })}</li>
              {hasQuestions && <li>{t("review.questionsDeleted")}</li>}
              <li>{t("review.emailSent", { email: user.email })}</li>
            </ul>
          </div>
          {status.status === "waiting" ? <WaitingNotice period={status.period} /> : <TurnOnForm />}
        </div>
      </WizardShell>
    </ClientMessages>
  );
}
