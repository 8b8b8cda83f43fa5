import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Notice } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { countryName } from "@/lib/countries/country-name";
import { loadWizard } from "../../_components/load-wizard";
import { PhoneForm } from "../../_components/phone-form";
import { pendingPhoneForm, phoneCountries, verifiedPhones } from "../../_components/phone-data";
import { WizardShell } from "../../_components/wizard-shell";
import { enrollPhoneAction, leavePhoneStepAction } from "../actions";
import { pillClass } from "@/components/ui/pill";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("addPhoneTitle") };
}

export default async function PhoneStep() {
  const { user, session, reached } = await loadWizard("phone");
  const [t, locale] = await Promise.all([getTranslations("enrollment"), getLocale()]);
  const [{ countries, smsSupported }, phones, pending] = await Promise.all([
    phoneCountries(locale),
    verifiedPhones(user.id),
    pendingPhoneForm(user.id, session.id),
  ]);
  const country = countryName(user.countryCode, locale);
  const homeSms = smsSupported(user.countryCode);
  return (
    <ClientMessages namespaces={["codeChallenge", "phoneForm"]}>
      <WizardShell step="phone" reached={reached} title={t("phone.title")} lead={t("phone.lead")}>
        <div className="space-y-6">
          {!homeSms && <Notice tone="warning">{t("phone.noSmsHome", { country })}</Notice>}
          {phones.length > 0 && (
            <div>
              <h2 className="text-sm font-semibold text-slate-900">{t("phone.yourPhones")}</h2>
              <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label={t("phone.yourPhones")}>
                {phones.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
                    <span className="font-mono text-slate-900">{p.display}</span>
                    <span className={pillClass("bg-emerald-100 text-emerald-800")}>{t("phone.verifiedBadge")}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <PhoneForm action={enrollPhoneAction} countries={countries} defaultCountry={user.countryCode} pending={pending} />
          <form action={leavePhoneStepAction} className="flex flex-wrap items-center gap-4 border-t border-slate-100 pt-5">
            {phones.length > 0 ? (
              <SubmitButton pendingLabel={t("saving")}>{t("continue")}</SubmitButton>
            ) : (
              <>
                <SubmitButton variant="secondary" pendingLabel={t("saving")}>{t("phone.skip")}</SubmitButton>
                <span className="text-sm text-slate-600">{t("phone.skipHint")}</span>
              </>
            )}
          </form>
        </div>
      </WizardShell>
    </ClientMessages>
  );
}
