import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
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
    input.remember && tx.update(users).set({ lastSecondFactor: input.remember }).where(eq(users.id, lockout.userId)),
    recordEvent({ type: "challenge_passed", userId: lockout.userId, method: input.method, detail: input.purpose, at: now }, tx),
  ]);
}
