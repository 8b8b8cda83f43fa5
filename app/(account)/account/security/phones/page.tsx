import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Card } from "@/components/ui/card";
import { maxTrustedPhones } from "@/lib/two-step/enrollment/add-trusted-phone";
import { PhoneForm } from "../_components/phone-form";
import { pendingPhoneForm, phoneCountries, verifiedPhones } from "../_components/phone-data";
import { RemoveButton } from "../_components/remove-button";
import { requireManage } from "../_components/require-manage";
import { managePhoneAction, removePhoneAction } from "./actions";
import { ManageHeader } from "../_components/manage-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("phonesTitle") };
}

export default async function PhonesPage() {
  const { user, session } = await requireManage("phones", "/account/security/phones");
  const [t, format, locale] = await Promise.all([getTranslations("securityManage"), getFormatter(), getLocale()]);
  const [{ countries }, phones, pending] = await Promise.all([
    phoneCountries(locale),
    verifiedPhones(user.id),
    pendingPhoneForm(user.id, session.id),
  ]);
  return (
    <ClientMessages namespaces={["codeChallenge", "phoneForm", "securityManage"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <ManageHeader back={t("back")} title={t("phonesTitle")} lead={t("phonesLead")} />
        <Card title={t("phonesList")}>
          {phones.length ? (
            <ul className="divide-y divide-slate-100" aria-label={t("phonesList")}>
              {phones.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <div>
                    <p className="font-mono font-medium text-slate-900">{p.display}</p>
                    <p className="text-slate-600">{t("verifiedOn", { date: format.dateTime(p.verifiedAt!, { dateStyle: "medium" }) })}</p>
                  </div>
                  <RemoveButton action={removePhoneAction} name="phoneId" value={p.id} label={t("removeLabel", { item: p.display })} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("noPhones")}</p>
          )}
        </Card>
        <Card title={t("addPhone")} description={t("addPhoneLead", { max: maxTrustedPhones })}>
          <PhoneForm action={managePhoneAction} countries={countries} defaultCountry={user.countryCode} pending={pending} />
        </Card>
      </div>
    </ClientMessages>
  );
}
