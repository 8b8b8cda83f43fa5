import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { trustedDevices } from "@/db/schema";
import { hashToken } from "@/lib/crypto/secrets";
import { recordEvent } from "@/lib/events/record-event";
import { rememberBrowserMs } from "./code-policy";

/**
 * Trusts this browser for the account (receives pushed codes); `remember` also skips the second step for 30 days.
 * The browser is kept as its User-Agent, so each reader sees it named in their own language; `label` is for callers
 * without one.
 */
export async function trustDevice(input: { userId: string; token: string; userAgent?: string | null; label?: string; remember?: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  const tokenHash = hashToken(input.token);
  const rememberUntil = input.remember ? new Date(now.getTime() + rememberBrowserMs) : null;
  const describedAs = { userAgent: input.userAgent?.slice(0, 512) || null, label: input.label?.slice(0, 120) ?? "" };
  const [row] = await db
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
  await recordEvent({ type: "device_trusted", userId: input.userId, method: "device", at: now });
  return row!;
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
