import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { appPasswords, passkeys } from "@/db/schema";
import { countBackupCodes } from "@/lib/two-step/backup-codes/count-backup-codes";
import { getAuthenticator } from "@/lib/two-step/totp/get-authenticator";

/** What the security page shows about the factors the owner holds: an app, passkeys, backup codes, app passwords. */
export async function factorSummary(userId: string) {
  const [app, [keys], backupCodes, [apps]] = await Promise.all([
    getAuthenticator(userId),
    db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId)),
    countBackupCodes(userId),
    db.select({ n: count() }).from(appPasswords).where(and(eq(appPasswords.userId, userId), isNull(appPasswords.revokedAt))),
  ]);
  return { app, passkeys: keys?.n ?? 0, backupCodes, appPasswords: apps?.n ?? 0 };
}
