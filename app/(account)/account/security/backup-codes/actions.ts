"use server";

import { createBackupCodes } from "@/lib/two-step/backup-codes/create-backup-codes";
import { requireManage } from "../_components/require-manage";

/** A new batch, returned to be shown once; the old codes stop working. */
export async function createBackupCodesAction(): Promise<{ codes: string[] }> {
  const { user } = await requireManage("backup_codes", "/account/security/backup-codes");
  return { codes: await createBackupCodes({ userId: user.id }) };
}
