import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/card";
import { requireManage } from "../_components/require-manage";
import { TurnOffForm } from "./turn-off-form";

export const metadata: Metadata = { title: "Turn off two-step verification" };

export default async function DisablePage() {
  await requireManage("disable_two_step", "/account/security/disable");
  const t = await getTranslations("disableTwoStep");
  const points = ["noCodes", "factorsGone", "othersOut", "questions"] as const;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <Link href="/account/security" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("lead")}</p>
      </div>
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
  );
}
