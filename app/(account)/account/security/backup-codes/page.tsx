import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, Notice } from "@/components/ui/card";
import { lowBackupCodes } from "@/lib/two-step/backup-codes/backup-code-rules";
import { countBackupCodes } from "@/lib/two-step/backup-codes/count-backup-codes";
import { requireManage } from "../_components/require-manage";
import { createBackupCodesAction } from "./actions";
import { NewBackupCodes } from "./new-codes";

export const metadata: Metadata = { title: "Backup codes" };

export default async function BackupCodesPage() {
  const { user } = await requireManage("backup_codes", "/account/security/backup-codes");
  const [t, left] = await Promise.all([getTranslations("backupCodes"), countBackupCodes(user.id)]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href="/account/security" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{t("back")}</Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("lead")}</p>
      </div>
      <Card title={t("status")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700" data-testid="backup-codes-left">{t("left", { count: left })}</p>
          {left > 0 && left <= lowBackupCodes && <Notice tone="warning">{t("runningLow", { count: left })}</Notice>}
          <NewBackupCodes action={createBackupCodesAction} hasCodes={left > 0} />
        </div>
      </Card>
    </div>
  );
}
