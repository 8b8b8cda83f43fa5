import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Notice } from "@/components/ui/card";
import { requireManage } from "../_components/require-manage";
import { TurnOffForm } from "./turn-off-form";
import { ManageHeader } from "../_components/manage-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("disableTwoStep");
  return { title: t("title") };
}

export default async function DisablePage() {
  await requireManage("disable_two_step", "/account/security/disable");
  const t = await getTranslations("disableTwoStep");
  const points = ["noCodes", "factorsGone", "othersOut", "questions"] as const;
  return (
    <ClientMessages namespaces={["disableTwoStep", "questions", "questionsForm"]}>
      <div className="mx-auto max-w-xl space-y-6">
        <ManageHeader back={t("back")} title={t("title")} lead={t("lead")} />
        <Notice tone="warning">
          <ul className="list-disc space-y-1 pl-5">
            {points.map((p) => (
              <li key={p}>{t(`points.${p}`)}</li>
            ))}
          </ul>
        </Notice>
        <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 className="mb-1 text-lg font-semibold text-slate-900">{t("questionsTitle")}</h2>
          <p className="mb-5 text-sm text-slate-600">{t("questionsLead")}</p>
          <TurnOffForm />
        </div>
      </div>
    </ClientMessages>
  );
}
