import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Card, Notice } from "@/components/ui/card";
import { deviceOverview } from "../_components/device-data";
import { DeviceRows } from "../_components/device-rows";
import { RemoveButton } from "../_components/remove-button";
import { requireManage } from "../_components/require-manage";
import { TrustBrowserButton } from "../_components/trust-browser-button";
import { removeDeviceAction, trustBrowserAction } from "./actions";
import { ManageHeader } from "../_components/manage-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("security");
  return { title: t("devicesTitle") };
}

export default async function DevicesPage() {
  const { user, session } = await requireManage("devices", "/account/security/devices");
  const [t, overview] = await Promise.all([getTranslations("securityManage"), deviceOverview({ userId: user.id, sessionId: session.id })]);
  return (
    <ClientMessages namespaces={["securityManage", "trustedDevices"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <ManageHeader back={t("back")} title={t("devicesTitle")} lead={t("devicesLead")} />
        <Card title={t("devicesList")}>
          {overview.devices.length ? (
            <DeviceRows
              devices={overview.devices}
              action={(d) => <RemoveButton action={removeDeviceAction} name="deviceId" value={d.id} label={t("removeLabel", { item: d.label })} />}
            />
          ) : (
            <p className="text-sm text-slate-600">{t("noDevices")}</p>
          )}
        </Card>
        <Card title={t("thisBrowser")}>
          {overview.thisDeviceTrusted ? <Notice tone="success">{t("thisTrusted")}</Notice> : <TrustBrowserButton action={trustBrowserAction} from="manage" />}
        </Card>
      </div>
    </ClientMessages>
  );
}
