import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadWizard } from "../../_components/load-wizard";
import { RecoveryKeyFlow } from "../../_components/recovery-key-flow";
import { WizardShell } from "../../_components/wizard-shell";
import { confirmPendingKeyAction, createPendingKeyAction } from "../actions";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("enrollment");
  return { title: t("key.title") };
}

export default async function KeyStep() {
  const { user, enrollment, reached } = await loadWizard("key");
  const t = await getTranslations("enrollment");
  return (
    <ClientMessages namespaces={["recoveryKey"]}>
      <WizardShell step="key" reached={reached} title={t("key.title")} lead={t("key.lead")}>
        <div className="space-y-5">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>{t("key.point1")}</li>
            <li>{t("key.point2")}</li>
            <li>{t("key.point3")}</li>
          </ul>
          <RecoveryKeyFlow
            create={createPendingKeyAction}
            confirm={confirmPendingKeyAction}
            hasPending={!!enrollment?.hasPendingKey}
            email={user.email}
            createLabel={t("key.create")}
          />
        </div>
      </WizardShell>
    </ClientMessages>
  );
}
