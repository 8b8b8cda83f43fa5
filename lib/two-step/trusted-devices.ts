import { and, desc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { trustedDevices, users } from "@/db/schema";
import { hashToken } from "@/lib/crypto/secrets";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { rememberBrowserMs } from "./code-policy";
import { ownerColumns, queueMethodEmail } from "./notify-method-change";

/**
 * Trusts this browser for the account (receives pushed codes); `remember` also skips the second step for 30 days.
 * The browser is kept as its User-Agent, so each reader sees it named in their own language; `label` is for callers
 * without one. A newly trusted browser (or one trusted again after removal) is a new way through the second step, so
 * with 2SV on the owner is emailed, as for every other factor; ticking "Trust this browser" again on a browser that is
 * still trusted only refreshes it and sends nothing.
 */
export async function trustDevice(input: { userId: string; token: string; userAgent?: string | null; label?: string; remember?: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  const tokenHash = hashToken(input.token);
  const rememberUntil = input.remember ? new Date(now.getTime() + rememberBrowserMs) : null;
  const describedAs = { userAgent: input.userAgent?.slice(0, 512) || null, label: input.label?.slice(0, 120) ?? "" };
  const { row, emailId } = await db.transaction(async (tx) => {
    // Locks the account row so two requests trusting the same browser at once cannot both see it as new.
    const [owner] = await tx.select(ownerColumns).from(users).where(eq(users.id, input.userId)).for("update");
    const [before] = await tx
      .select({ revokedAt: trustedDevices.revokedAt, receivesCodes: trustedDevices.receivesCodes })
      .from(trustedDevices)
      .where(and(eq(trustedDevices.userId, input.userId), eq(trustedDevices.tokenHash, tokenHash)));
    const [row] = await tx
      .insert(trustedDevices)
      .values({ userId: input.userId, tokenHash, ...describedAs, rememberUntil, lastUsedAt: now })
      .onConflictDoUpdate({
        target: [trustedDevices.tokenHash, trustedDevices.userId],
        set: {
          revokedAt: null,
          receivesCodes: true,
          ...describedAs,
          lastUsedAt: now,
          ...(rememberUntil ? { rememberUntil } : {}),
        },
      })
      .returning();
    await recordEvent({ type: "device_trusted", userId: input.userId, method: "device", at: now }, tx);
    const refreshed = before && !before.revokedAt && before.receivesCodes;
    const emailId = refreshed ? null : await queueMethodEmail(tx, { userId: input.userId, owner, change: "added", method: "trusted_device", browser: describedAs, now });
    return { row: row!, emailId };
  });
  if (emailId) await sendQueued(emailId, now);
  return row;
}

export async function findTrustedDevice({ userId, token }: { userId: string; token: string | null }) {
  if (!token) return null;
  const [row] = await db
    .select()
    .from(trustedDevices)
    .where(and(eq(trustedDevices.userId, userId), eq(trustedDevices.tokenHash, hashToken(token)), isNull(trustedDevices.revokedAt)));
  return row ?? null;
}

export function listTrustedDevices(userId: string) {
  return db
    .select()
    .from(trustedDevices)
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
    .orderBy(desc(trustedDevices.createdAt));
}

export async function revokeTrustedDevice({ userId, deviceId }: { userId: string; deviceId: string }) {
  const rows = await db
    .update(trustedDevices)
    .set({ revokedAt: sql`now()`, rememberUntil: null })
    .where(and(eq(trustedDevices.id, deviceId), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
    .returning({ id: trustedDevices.id });
  return rows.length;
}

/**
 * Every remembered browser of the account asks for a code again at its next sign-in (the one holding `keepToken`
 * excepted): a new password or "sign out everywhere" must not leave a browser an attacker ticked "Trust this
 * browser" on able to skip the second step for the rest of its 30 days. The browsers still receive pushed codes.
 */
export async function forgetRememberedBrowsers({ userId, keepToken = null }: { userId: string; keepToken?: string | null }, outer: Tx | typeof db = db) {
  const forgotten = await outer
    .update(trustedDevices)
    .set({ rememberUntil: null })
    .where(and(eq(trustedDevices.userId, userId), isNotNull(trustedDevices.rememberUntil), keepToken ? ne(trustedDevices.tokenHash, hashToken(keepToken)) : undefined))
    .returning({ id: trustedDevices.id });
  return forgotten.length;
}
