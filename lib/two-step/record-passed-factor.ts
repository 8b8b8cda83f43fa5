import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { recordEvent } from "@/lib/events/record-event";
import { clearFailures, type LockoutRow } from "./second-factor-lockout";

/**
 * What every passed second factor leaves, inside the caller's transaction: the account's failures cleared, the method
 * remembered for next time (`remember`; null for a phone being enrolled) and a challenge_passed event.
 */
export async function recordPassedFactor(
  tx: Tx,
  input: { lockout: LockoutRow; method: string; remember: string | null; purpose: string; now: Date },
) {
  const { lockout, now } = input;
  // Independent writes, sent together (one round trip on PostgreSQL).
  await Promise.all([
    clearFailures(tx, lockout, now),
    // In SQL: Drizzle's update builder walks all of users' columns on each call, more work than the update itself.
    // Usually the method is the one remembered already: then no new row version is written.
    input.remember &&
      tx.execute(sql`update users set last_second_factor = ${input.remember} where id = ${lockout.userId}::uuid and last_second_factor is distinct from ${input.remember}`),
    recordEvent({ type: "challenge_passed", userId: lockout.userId, method: input.method, detail: input.purpose, at: now }, tx),
  ]);
}
