import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { Card } from "@/components/ui/card";
import { lowBackupCodes } from "@/lib/two-step/backup-codes/backup-code-rules";
import { countBackupCodes } from "@/lib/two-step/backup-codes/count-backup-codes";
import { requireManage } from "../_components/require-manage";
import { createBackupCodesAction } from "./actions";
import { NewBackupCodes } from "./new-codes";
import { ManageHeader } from "../_components/manage-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("backupCodes");
  return { title: t("title") };
}

export default async function BackupCodesPage() {
  const { user } = await requireManage("backup_codes", "/account/security/backup-codes");
  const [t, left] = await Promise.all([getTranslations("backupCodes"), countBackupCodes(user.id)]);
  return (
    <ClientMessages namespaces={["backupCodes"]}>
      <div className="mx-auto max-w-2xl space-y-6">
        <ManageHeader back={t("back")} title={t("title")} lead={t("lead")} />
        <Card title={t("status")}>
          <div className="space-y-4">
            <NewBackupCodes action={createBackupCodesAction} left={left} low={left > 0 && left <= lowBackupCodes} />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
