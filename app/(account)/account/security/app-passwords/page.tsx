import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { listAppPasswords } from "@/lib/app-passwords/manage-app-passwords";
import { RemoveButton } from "../_components/remove-button";
import { requireManage } from "../_components/require-manage";
import { createAppPasswordAction, revokeAppPasswordAction } from "./actions";
import { CreateAppPasswordForm } from "./create-form";

export const metadata: Metadata = { title: "App-specific passwords" };

export default async function AppPasswordsPage() {
  const { user } = await requireManage("app_passwords", "/account/security/app-passwords");
  const [t, format, passwords] = await Promise.all([getTranslations("appPasswords"), getFormatter(), listAppPasswords(user.id)]);
  const now = new Date();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href="/account/security" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <Card title={t("newTitle")} description={t("newLead")}>
        <CreateAppPasswordForm action={createAppPasswordAction} />
      </Card>
      <Card title={t("listTitle")}>
        {passwords.length ? (
          <ul className="divide-y divide-slate-100" aria-label={t("listTitle")}>
            {passwords.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <div>
                  <p className="font-medium text-slate-900">{p.label}</p>
                  <p className="text-slate-600">
                    {t("createdOn", { date: format.dateTime(p.createdAt, { dateStyle: "medium" }) })} ·{" "}
                    {p.lastUsedAt ? t("lastUsed", { when: format.relativeTime(p.lastUsedAt, now), ip: p.lastUsedIp ?? "?" }) : t("neverUsed")}
                  </p>
                </div>
                <RemoveButton action={revokeAppPasswordAction} name="id" value={p.id} label={t("revokeLabel", { label: p.label })} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        )}
      </Card>
    </div>
  );
}
