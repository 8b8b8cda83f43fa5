import { sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { storedRateLimitKey } from "./rate-limit";
import { newSessionId } from "./sessions";

/**
 * After a right password, in one statement (one round trip on the sign-in path, which the hash already makes
 * the slowest there is): unless the address is locked (`lock`: its consecutive failures reached the cap, and this
 * browser is none of the account's trusted ones), the
 * account's failure counts cleared, the IP's hit given back, and the session opened — at aal 2 on a browser
 * remembered at an earlier second step (ticked "Trust this browser", still inside its 30 days; `checkRemembered`:
 * the account has 2SV on), else at aal 1, pending the second step when 2SV is on. Null when locked: nothing written.
 */
export async function openPasswordSession(input: {
  userId: string;
  userAgent: string;
  ip: string | null;
  clearKey: string;
  lock: { key: string; at: number };
  refundKey: string | null;
  checkRemembered: boolean;
  /** hashToken of the browser's device cookie, as the caller already computed it for the account's read. */
  deviceHash: string | null;
  now: Date;
}) {
  const id = newSessionId();
  const { deviceHash } = input;
  const tokenHash = input.checkRemembered ? deviceHash : null;
  const lockKey = storedRateLimitKey(input.lock.key);
  const result = await db.execute(sql`
    with locked as (
      select 1 from rate_limits
      where key = ${lockKey} and hits >= ${input.lock.at} and reset_at > ${input.now.toISOString()}::timestamptz
        and not exists (
          select 1 from trusted_devices
          where user_id = ${input.userId} and token_hash = ${deviceHash}::text and revoked_at is null)),
    cleared as (delete from rate_limits where key in (${storedRateLimitKey(input.clearKey)}, ${lockKey}) and not exists (select 1 from locked)),
    refunded as (
      update rate_limits set hits = greatest(hits - 1, 0)
      where key = ${input.refundKey && storedRateLimitKey(input.refundKey)} and not exists (select 1 from locked)),
    remembered as (
      select id from trusted_devices
      where ${tokenHash}::text is not null and user_id = ${input.userId} and token_hash = ${tokenHash}
        and revoked_at is null and remember_until > ${input.now.toISOString()}::timestamptz
      limit 1)
    insert into sessions (id, user_id, user_agent, ip, aal, device_id)
    select ${id}, ${input.userId}, ${input.userAgent.slice(0, 512)}, ${input.ip},
      case when exists (select 1 from remembered) then 2 else 1 end, (select id from remembered)
    where not exists (select 1 from locked)
    returning aal`);
  const [row] = rowsOf<{ aal: number }>(result);
  return row ? { sessionId: id, remembered: row.aal === 2 } : null;
}
