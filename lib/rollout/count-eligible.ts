import { and, count, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";

/** The SQL twin of `rampBucket` (lib/rollout/ramp.ts): first 32 bits of md5("<wave>:<account>") mod 100. */
export const rampBucketSql = (waveId: number) => sql<number>`(('x' || substr(md5(${String(waveId)} || ':' || ${users.id}::text), 1, 8))::bit(32)::bigint % 100)`;

/** Accounts of a ramping country whose bucket is in at `percent`. */
export async function countInRamp({ countryCode, waveId, percent }: { countryCode: string; waveId: number; percent: number }) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.countryCode, countryCode), sql`${rampBucketSql(waveId)} < ${percent}`));
  return row?.n ?? 0;
}
