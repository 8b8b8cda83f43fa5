import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Card, Notice } from "@/components/ui/card";
import { AuthenticatorSetupFlow } from "@/components/two-step/authenticator-setup";
import { getAuthenticator } from "@/lib/two-step/totp/get-authenticator";
import { RemoveButton } from "../_components/remove-button";
import { requireManage } from "../_components/require-manage";
import { confirmAuthenticatorAction, removeAuthenticatorAction, startAuthenticatorAction } from "./actions";
import { ManageHeader } from "../_components/manage-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("authenticator");
  return { title: t("title") };
}

export default async function AuthenticatorPage() {
  const { user } = await requireManage("authenticator", "/account/security/authenticator");
  const [t, format, app] = await Promise.all([getTranslations("authenticator"), getFormatter(), getAuthenticator(user.id)]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <ClientMessages namespaces={["authenticator", "securityManage"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <ManageHeader back={t("back")} title={t("title")} lead={t("lead")} />
        {app ? (
          <Card title={t("current")}>
            <div className="flex flex-wrap items-start justify-between gap-4 text-sm text-slate-700">
              <div data-testid="authenticator-status">
                <p>{t("addedOn", { date: date(app.confirmedAt) })}</p>
                <p className="text-slate-600">{app.lastUsedAt ? t("lastUsed", { when: format.relativeTime(app.lastUsedAt, new Date()) }) : t("neverUsed")}</p>
              </div>
              <RemoveButton action={removeAuthenticatorAction} name="app" value="current" label={t("title")} />
            </div>
          </Card>
        ) : (
          <Notice tone="info">{t("none")}</Notice>
        )}
        <Card title={app ? t("replaceTitle") : t("setUpTitle")} description={app ? t("replaceLead") : t("setUpLead")}>
          <AuthenticatorSetupFlow start={startAuthenticatorAction} confirm={confirmAuthenticatorAction} startLabel={app ? t("replace") : t("setUp")} />
        </Card>
      </div>
    </ClientMessages>
  );
}
