import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { AddPasskeyForm } from "@/components/two-step/add-passkey-form";
import { passkeyNameForThisBrowser } from "@/lib/two-step/passkeys/suggest-passkey-name";
import { Card } from "@/components/ui/card";
import { listPasskeys } from "@/lib/two-step/passkeys/list-passkeys";
import { maxPasskeys } from "@/lib/two-step/passkeys/start-passkey-registration";
import { requireManage } from "../_components/require-manage";
import { finishPasskeyRegistrationAction, startPasskeyRegistrationAction } from "./actions";
import { PasskeyItem } from "./passkey-item";
import { ManageHeader } from "../_components/manage-header";
import { pillClass } from "@/components/ui/pill";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passkeys");
  return { title: t("title") };
}

export default async function PasskeysPage() {
  const { user } = await requireManage("passkeys", "/account/security/passkeys");
  const [t, format, keys] = await Promise.all([getTranslations("passkeys"), getFormatter(), listPasskeys(user.id)]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <ClientMessages namespaces={["passkeyForm", "passkeys"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <ManageHeader back={t("back")} title={t("title")} lead={t("lead")} />
        <Card title={t("listTitle")}>
          {keys.length ? (
            <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label={t("listTitle")}>
              {keys.map((k) => (
                <li key={k.id} className="px-4 py-3 text-sm">
                  <PasskeyItem id={k.id} name={k.name}>
                    <p className="font-medium text-slate-900">{k.name}</p>
                    <p className="mt-1">
                      <span className={pillClass(k.deviceType === "multiDevice" ? "bg-brand-50 text-brand-800" : "bg-slate-100 text-slate-700")}>
                        {k.deviceType === "multiDevice" ? t("synced") : t("deviceBound")}
                      </span>
                    </p>
                    <p className="mt-1 text-slate-600">
                      {t("addedOn", { date: day(k.createdAt) })} · {k.lastUsedAt ? t("lastUsed", { date: day(k.lastUsedAt) }) : t("neverUsed")}
                    </p>
                  </PasskeyItem>
                </li>
              ))}
            </ul>
          ) : (
            <div className="space-y-2 text-sm text-slate-700">
              <p className="font-medium text-slate-900">{t("emptyTitle")}</p>
              <p>{t("emptyWhat")}</p>
              <p>{t("emptyKeys")}</p>
            </div>
          )}
        </Card>
        <Card title={t("addTitle")} description={t("addLead")}>
          {keys.length < maxPasskeys ? (
            <AddPasskeyForm start={startPasskeyRegistrationAction} finish={finishPasskeyRegistrationAction} suggestedName={await passkeyNameForThisBrowser()} />
          ) : (
            <p className="text-sm text-slate-600">{t("atMax", { max: maxPasskeys })}</p>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
