import { eq, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { secondFactorLockouts } from "@/db/schema";
import { waitAfterFailures } from "./code-policy";

type Tx = Pick<DB, "select" | "insert" | "update" | "execute">;
export type LockoutRow = typeof secondFactorLockouts.$inferSelect;

/** The account's lockout row, locked for this transaction (created at zero failures if missing); one statement. */
export async function lockLockoutRow(tx: Tx, userId: string) {
  const [row] = await tx
    .insert(secondFactorLockouts)
    .values({ userId })
    .onConflictDoUpdate({ target: secondFactorLockouts.userId, set: { userId } })
    .returning();
  return row!;
}

/** Null when a code may be tried now; else when (or "locked" for good until recovery). */
export function blockedUntil(row: { consecutiveFailures: number; blockedUntil: Date | null }, now: Date): Date | "locked" | null {
  if (waitAfterFailures(row.consecutiveFailures) === "locked") return "locked";
  return row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

export async function countFailure(tx: Tx, userId: string, now: Date) {
  const [row] = await tx
    .update(secondFactorLockouts)
    .set({ consecutiveFailures: sql`${secondFactorLockouts.consecutiveFailures} + 1`, updatedAt: now })
    .where(eq(secondFactorLockouts.userId, userId))
    .returning();
  const wait = waitAfterFailures(row!.consecutiveFailures);
  const until = wait === "locked" ? null : wait > 0 ? new Date(now.getTime() + wait) : null;
  await tx.update(secondFactorLockouts).set({ blockedUntil: until }).where(eq(secondFactorLockouts.userId, userId));
  return row!.consecutiveFailures;
}

/** Back to zero after a passed second factor (no write when there is nothing to clear). */
export async function clearFailures(tx: Tx, lockout: LockoutRow, now: Date) {
  if (!lockout.consecutiveFailures && !lockout.blockedUntil) return;
  const { userId } = lockout;
  await tx
    .update(secondFactorLockouts)
    .set({ consecutiveFailures: 0, blockedUntil: null, updatedAt: now })
    .where(eq(secondFactorLockouts.userId, userId));
}
