import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { backupCodes } from "@/db/schema";

/** How many of the account's backup codes are left (0 when none were ever made). */
export async function countBackupCodes(userId: string) {
  const [row] = await db.select({ n: count() }).from(backupCodes).where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt)));
  return row?.n ?? 0;
}
