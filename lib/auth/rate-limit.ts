import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";

export interface RateLimitState {
  hits: number;
  resetAt: Date;
}

/** Counts one hit in a fixed window, atomically in the database so every app instance shares the count. */
export async function hitRateLimit({ key, windowMs, now = new Date() }: { key: string; windowMs: number; now?: Date }) {
  const [state] = await hitRateLimits({ keys: [key], windowMs, now });
  return state!;
}

/** One hit on each key (distinct keys), in one statement; the states come back in the keys' order. */
export async function hitRateLimits({ keys, windowMs, now = new Date() }: { keys: string[]; windowMs: number; now?: Date }): Promise<RateLimitState[]> {
  const resetAt = new Date(now.getTime() + windowMs);
  const rows = await db
    .insert(rateLimits)
    .values(keys.map((key) => ({ key, hits: 1, resetAt })))
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimits.hits} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now.toISOString()}::timestamptz then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ key: rateLimits.key, hits: rateLimits.hits, resetAt: rateLimits.resetAt });
  const byKey = new Map(rows.map(({ key, ...state }) => [key, state]));
  return keys.map((key) => byKey.get(key)!);
}

/** The current window's count, or zero once the window has passed. */
export async function peekRateLimit({ key, now = new Date() }: { key: string; now?: Date }): Promise<RateLimitState> {
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.resetAt <= now) return { hits: 0, resetAt: now };
  return { hits: row.hits, resetAt: row.resetAt };
}

export async function clearRateLimit(key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
