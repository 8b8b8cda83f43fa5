import { eq, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { rowsOf } from "@/db/rows";
import { secondFactorLockouts, type ChallengePurpose } from "@/db/schema";
import { longestWaitMs, waitAfterFailures } from "./code-policy";

type Tx = Pick<DB, "select" | "insert" | "update" | "execute">;
export type LockoutRow = typeof secondFactorLockouts.$inferSelect;

/** The account's lockout row, locked for this transaction (created at zero failures if missing); one statement. */
export async function lockLockoutRow(tx: Tx, userId: string): Promise<LockoutRow> {
  // Written in SQL: Drizzle's insert builder walks every column for defaults on each call, which cost more than the
  // statement itself, and this runs for every code checked and every code sent.
  const result = await tx.execute(sql`
    insert into second_factor_lockouts (user_id) values (${userId}::uuid)
    on conflict (user_id) do update set user_id = excluded.user_id
    returning consecutive_failures, blocked_until, updated_at`);
  const [row] = rowsOf<{ consecutive_failures: number; blocked_until: string | Date | null; updated_at: string | Date }>(result);
  const { consecutive_failures, blocked_until, updated_at } = row!;
  return { userId, consecutiveFailures: Number(consecutive_failures), blockedUntil: blocked_until === null ? null : new Date(blocked_until), updatedAt: new Date(updated_at) };
}

/**
 * Null when a code may be tried now; else when (or "locked" for good until recovery). Recovery is the way out of
 * "locked": its codes are sent and checked only inside an attempt opened with the Recovery Key, so they still wait
 * out a timed block (each failure at the lock sets the longest wait again) but not the lock itself; a recovery code
 * that passes clears the count.
 */
export function blockedUntil(row: { consecutiveFailures: number; blockedUntil: Date | null }, now: Date, purpose?: ChallengePurpose): Date | "locked" | null {
  const timed = row.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
  if (waitAfterFailures(row.consecutiveFailures) === "locked") return purpose === "recovery" ? timed : "locked";
  return timed;
}

/**
 * One more wrong code on the account; returns the count. From the 5th a wait is set; at the lock, only a failed
 * recovery code still sets the longest wait (recovery's codes pass the lock, and nothing else holds their guessing
 * back), while any other failure there sets none — it must not shut the owner's recovery out.
 */
export async function countFailure(tx: Tx, userId: string, now: Date, purpose?: ChallengePurpose) {
  const [row] = await tx
    .update(secondFactorLockouts)
    .set({ consecutiveFailures: sql`${secondFactorLockouts.consecutiveFailures} + 1`, updatedAt: now })
    .where(eq(secondFactorLockouts.userId, userId))
    .returning();
  const wait = waitAfterFailures(row!.consecutiveFailures);
  const untilMs = wait === "locked" ? (purpose === "recovery" ? longestWaitMs : 0) : wait;
  const until = untilMs > 0 ? new Date(now.getTime() + untilMs) : null;
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
