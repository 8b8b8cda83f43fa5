import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { authenticatorApps, secondFactorLockouts } from "@/db/schema";
import { openWith } from "@/lib/crypto/secrets";
import { totpKey } from "@/lib/crypto/totp-key";
import { eventCtes } from "@/lib/events/record-event";
import { maxConsecutiveFailures } from "../code-policy";
import { blockedUntil } from "../second-factor-lockout";
import { matchTotpStep } from "./totp-rules";

/**
 * The common case of an authenticator-app code — right, newer than the last one used, on an account that may try
 * one — in two statements and no transaction: a read, then one statement that takes the step only if it is still
 * newer and the account still not blocked (so a replay or a lockout that lands in between is refused, the row lock
 * of the UPDATE deciding between simultaneous submits), clears the failures, remembers the method and records the
 * event. False for anything else: the caller decides that case under row locks, and counts the failure.
 */
export async function passTotpCode({ userId, code, purpose, now }: { userId: string; code: string; purpose: string; now: Date }) {
  const [app] = await db
    .select({ id: authenticatorApps.id, sealedSecret: authenticatorApps.sealedSecret, lastUsedStep: authenticatorApps.lastUsedStep, lockout: secondFactorLockouts })
    .from(authenticatorApps)
    .leftJoin(secondFactorLockouts, eq(secondFactorLockouts.userId, authenticatorApps.userId))
    .where(and(eq(authenticatorApps.userId, userId), isNotNull(authenticatorApps.confirmedAt)));
  if (!app || (app.lockout && blockedUntil(app.lockout, now))) return false;
  const step = await matchTotpStep({ secret: openWith(totpKey(), app.sealedSecret), code: code.replace(/\s+/g, ""), at: now, afterStep: app.lastUsedStep });
  if (step === null) return false;

  const at = now.toISOString();
  const result = await db.execute(sql`
    with used as (
      update authenticator_apps set last_used_step = ${step}, last_used_at = ${at}::timestamptz
      where id = ${app.id} and (last_used_step is null or last_used_step < ${step})
        and not exists (
          select 1 from second_factor_lockouts
          where user_id = ${userId} and (consecutive_failures >= ${maxConsecutiveFailures} or blocked_until > ${at}::timestamptz))
      returning user_id),
    cleared as (
      update second_factor_lockouts set consecutive_failures = 0, blocked_until = null, updated_at = ${at}::timestamptz
      where user_id in (select user_id from used) and (consecutive_failures > 0 or blocked_until is not null)),
    remembered as (update users set last_second_factor = 'totp' where id in (select user_id from used)),
    ${eventCtes({ type: "challenge_passed", userId, method: "totp", detail: purpose, at: now }, "used")}
    select count(*)::int as passed from used`);
  return rowsOf<{ passed: number }>(result)[0]?.passed === 1;
}
