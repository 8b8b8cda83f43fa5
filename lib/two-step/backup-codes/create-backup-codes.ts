import { eq } from "drizzle-orm";
import { db } from "@/db";
import { backupCodes } from "@/db/schema";
import { keyedHash } from "@/lib/crypto/secrets";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { queueMethodEmail } from "../notify-method-change";
import { backupCodesPerBatch, newBackupCode, normaliseBackupCode } from "./backup-code-rules";

/** Bound to the account: the same code typed for another account never matches. */
export const hashBackupCode = (userId: string, normalised: string) => keyedHash("backup-code", `${userId}:${normalised}`);

/** A new batch of ten; every earlier code stops working. The plain codes are returned once, to be shown once. */
export async function createBackupCodes({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const codes = Array.from({ length: backupCodesPerBatch }, newBackupCode);
  const emailId = await db.transaction(async (tx) => {
    await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
    await tx.insert(backupCodes).values(codes.map((c) => ({ userId, codeHash: hashBackupCode(userId, normaliseBackupCode(c)!), createdAt: now })));
    await recordEvent({ type: "backup_codes_created", userId, method: "backup_code", at: now }, tx);
    return queueMethodEmail(tx, { userId, change: "added", method: "backup_codes", now });
  });
  if (emailId) await sendQueued(emailId, now);
  return codes;
}
