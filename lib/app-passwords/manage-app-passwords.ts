import { and, count, desc, eq, isNull } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { appPasswords } from "@/db/schema";
import { keyedHash } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { queueMethodEmail } from "@/lib/two-step/notify-method-change";
import { maxAppPasswords, newAppPassword, normaliseAppPassword } from "./app-password-rules";

export type AppPasswordError = "TWO_STEP_OFF" | "TOO_MANY";

export const hashAppPassword = (normalised: string) => keyedHash("app-password", normalised);

/** A new labelled app-specific password, returned in clear this once. Only accounts with 2SV have them (as at Apple). */
export async function createAppPassword({ user, label, now = new Date() }: { user: { id: string; twoStepEnabledAt: Date | null }; label: string; now?: Date }) {
  if (!user.twoStepEnabledAt) throw new AppError<AppPasswordError>("TWO_STEP_OFF");
  const password = newAppPassword();
  const emailId = await db.transaction(async (tx) => {
    const [active] = await tx.select({ n: count() }).from(appPasswords).where(and(eq(appPasswords.userId, user.id), isNull(appPasswords.revokedAt)));
    if ((active?.n ?? 0) >= maxAppPasswords) throw new AppError<AppPasswordError>("TOO_MANY");
    await tx.insert(appPasswords).values({ userId: user.id, label, passwordHash: hashAppPassword(normaliseAppPassword(password)!), createdAt: now });
    await recordEvent({ type: "app_password_created", userId: user.id, at: now }, tx);
    return queueMethodEmail(tx, { userId: user.id, change: "added", method: "app_password", name: label, now });
  });
  if (emailId) await sendQueued(emailId, now);
  return password;
}

export function listAppPasswords(userId: string) {
  return db
    .select({ id: appPasswords.id, label: appPasswords.label, createdAt: appPasswords.createdAt, lastUsedAt: appPasswords.lastUsedAt, lastUsedIp: appPasswords.lastUsedIp })
    .from(appPasswords)
    .where(and(eq(appPasswords.userId, userId), isNull(appPasswords.revokedAt)))
    .orderBy(desc(appPasswords.createdAt));
}

/**
 * Revokes one (or, with no id, all) of the account's app-specific passwords; returns how many stopped working. A new
 * main password revokes them all (as at Apple): pass that change's transaction.
 */
export async function revokeAppPasswords({ userId, id, now = new Date() }: { userId: string; id?: string; now?: Date }, outer?: Tx): Promise<number> {
  if (!outer) return db.transaction((tx) => revokeAppPasswords({ userId, id, now }, tx));
  const revoked = await outer
    .update(appPasswords)
    .set({ revokedAt: now })
    .where(and(eq(appPasswords.userId, userId), isNull(appPasswords.revokedAt), id ? eq(appPasswords.id, id) : undefined))
    .returning({ id: appPasswords.id });
  if (revoked.length) await recordEvent({ type: "app_password_revoked", userId, detail: String(revoked.length), at: now }, outer);
  return revoked.length;
}
