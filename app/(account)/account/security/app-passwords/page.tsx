import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Card } from "@/components/ui/card";
import { listAppPasswords } from "@/lib/app-passwords/manage-app-passwords";
import { RemoveButton } from "../_components/remove-button";
import { requireManage } from "../_components/require-manage";
import { createAppPasswordAction, revokeAppPasswordAction } from "./actions";
import { CreateAppPasswordForm } from "./create-form";
import { ManageHeader } from "../_components/manage-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appPasswords");
  return { title: t("title") };
}

export default async function AppPasswordsPage() {
  const { user } = await requireManage("app_passwords", "/account/security/app-passwords");
  const [t, format, passwords] = await Promise.all([getTranslations("appPasswords"), getFormatter(), listAppPasswords(user.id)]);
  const now = new Date();
  return (
    <ClientMessages namespaces={["appPasswords", "securityManage"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <ManageHeader back={t("back")} title={t("title")} lead={t("lead")} />
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
    </ClientMessages>
  );
}
