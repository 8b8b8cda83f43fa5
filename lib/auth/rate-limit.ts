import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { keyedHash } from "@/lib/crypto/secrets";
import { rateLimitKey } from "./rate-limit-address";

export interface RateLimitState {
  hits: number;
  resetAt: Date;
}

/**
 * The row key of a counter: a keyed hash of the key callers name (`signin:account:<email>`, `signin:ip:<address>`,
 * …), so the table never becomes a list of every address and IP anyone typed or came from, most of them strangers.
 * Per-IP keys count an IPv6 client's /64 rather than its address (rateLimitKey): every hit, peek, clear and refund
 * goes through here, so no caller can count one way and clear another.
 */
export const storedRateLimitKey = (key: string) => keyedHash("rate-limit", rateLimitKey(key));

/** Counts one hit in a fixed window, atomically in the database so every app instance shares the count. */
export async function hitRateLimit({ key, windowMs, now = new Date() }: { key: string; windowMs: number; now?: Date }) {
  const [state] = await hitRateLimits({ keys: [key], windowMs, now });
  return state!;
}

/** One hit on each key (distinct keys), in one statement; the states come back in the keys' order. */
export async function hitRateLimits({ keys, windowMs, now = new Date() }: { keys: string[]; windowMs: number; now?: Date }): Promise<RateLimitState[]> {
  const resetAt = new Date(now.getTime() + windowMs);
  const stored = keys.map(storedRateLimitKey);
  const rows = await db
    .insert(rateLimits)
    .values(stored.map((key) => ({ key, hits: 1, resetAt })))
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.hits} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ key: rateLimits.key, hits: rateLimits.hits, resetAt: rateLimits.resetAt });
  const byKey = new Map(rows.map(({ key, ...state }) => [key, state]));
  return stored.map((key) => byKey.get(key)!);
}

/** The current window's count, or zero once the window has passed. */
export async function peekRateLimit({ key, now = new Date() }: { key: string; now?: Date }): Promise<RateLimitState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, storedRateLimitKey(key)));
  if (!row || row.resetAt <= now) return { hits: 0, resetAt: now };
  return { hits: row.hits, resetAt: row.resetAt };
}

export async function clearRateLimit(key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, storedRateLimitKey(key)));
}

/**
 * Deletes counters whose window has ended (a hit on one starts from 1 anyway), at most `batch` of them, so a table
 * grown by a spray of IPs empties in short statements. Returns how many went: `batch` means there may be more.
 */
export async function purgeExpiredRateLimits({ now = new Date(), batch = 5_000 }: { now?: Date; batch?: number } = {}) {
  // Rows a hit holds are skipped (the next sweep gets them), and the window is checked again on the row deleted: a hit
  // may have started a new one since the subquery looked.
  const expired = db.select({ key: rateLimits.key }).from(rateLimits).where(lte(rateLimits.resetAt, now)).limit(batch).for("update", { skipLocked: true });
  const deleted = await db
    .delete(rateLimits)
    .where(and(inArray(rateLimits.key, expired), lte(rateLimits.resetAt, now)))
    .returning({ key: rateLimits.key });
  return deleted.length;
}
