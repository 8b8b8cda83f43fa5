import { eq, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { secondFactorLockouts } from "@/db/schema";
import { waitAfterFailures } from "./code-policy";

type Tx = Pick<DB, "select" | "insert" | "update" | "execute">;

/** The account's lockout row, locked for this transaction (created at zero failures if missing). */
export async function lockLockoutRow(tx: Tx, userId: string) {
  await tx.insert(secondFactorLockouts).values({ userId }).onConflictDoNothing();
  const [row] = await tx.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, userId)).for("update");
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

export async function clearFailures(tx: Tx, userId: string, now: Date) {
  await tx
    .update(secondFactorLockouts)
    .set({ consecutiveFailures: 0, blockedUntil: null, updatedAt: now })
    .where(eq(secondFactorLockouts.userId, userId));
}
