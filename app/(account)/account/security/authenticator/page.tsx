import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, Notice } from "@/components/ui/card";
import { AuthenticatorSetupFlow } from "@/components/two-step/authenticator-setup";
import { getAuthenticator } from "@/lib/two-step/totp/get-authenticator";
import { RemoveButton } from "../_components/remove-button";
import { requireManage } from "../_components/require-manage";
import { confirmAuthenticatorAction, removeAuthenticatorAction, startAuthenticatorAction } from "./actions";

export const metadata: Metadata = { title: "Authenticator app" };

export default async function AuthenticatorPage() {
  const { user } = await requireManage("authenticator", "/account/security/authenticator");
  const [t, format, app] = await Promise.all([getTranslations("authenticator"), getFormatter(), getAuthenticator(user.id)]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href="/account/security" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
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
  );
}
