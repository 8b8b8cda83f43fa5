import { sql } from "drizzle-orm";
import { db as appDb, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { moveGauge, refreshLockoutRisk } from "@/lib/analytics/refresh-lockout-risk";

export type EventType =
  | "account_created"
  | "enrollment_started"
  | "phone_verified"
  | "phone_removed"
  | "device_trusted"
  | "key_confirmed"
  | "recovery_reset"
  | "two_step_enabled"
  | "two_step_disabled"
  | "challenge_sent"
  | "challenge_passed"
  | "challenge_failed"
  | "challenge_denied"
  | "challenge_locked"
  | "device_revoked"
  | "authenticator_added"
  | "authenticator_removed"
  | "passkey_added"
  | "passkey_removed"
  | "backup_codes_created"
  | "app_password_created"
  | "app_password_revoked"
  | "sms_sent"
  | "sms_failed";

export interface NewEvent {
  type: EventType;
  userId?: string | null;
  countryCode?: string | null;
  method?: string | null;
  detail?: string | null;
  at?: Date;
}

// Events after which an account's second factors or Recovery Key may have changed.
const changesFactors = new Set<EventType>(["two_step_enabled", "two_step_disabled", "phone_verified", "phone_removed", "device_trusted", "device_revoked", "key_confirmed", "recovery_reset", "authenticator_added", "authenticator_removed", "passkey_added", "passkey_removed", "backup_codes_created"]);
// Using the last unused backup code removes a factor too.
const changesFactorsOf = (e: NewEvent) => changesFactors.has(e.type) || (e.type === "challenge_passed" && e.method === "backup_code");

/**
 * Appends an analytics event and, in the same transaction, adds it to the day's rollup and updates the account's
 * lockout-risk gauge. Pass the caller's transaction so all of it commits (or not) with the change itself.
 */
export async function recordEvent(event: NewEvent, tx?: Tx): Promise<void> {
  if (!tx) return appDb.transaction((own) => recordEvent(event, own));
  const at = (event.at ?? new Date()).toISOString();
  // Events are counted by the account's country unless they name one (an SMS counts where it was sent). One
  // statement appends the event and counts it in the day's rollup, and answers the country it used.
  const country = event.countryCode ?? (event.userId ? sql`(select country_code from users where id = ${event.userId}::uuid)` : null);
  const result = await tx.execute(sql`
    with added as (
      insert into events (at, type, user_id, country_code, method, detail)
      values (${at}::timestamptz, ${event.type}, ${event.userId ?? null}::uuid, ${country}, ${event.method ?? null}, ${event.detail ?? null})
      returning country_code)
    insert into daily_rollups (day, country_code, metric, method, count)
    select ${utcDay(new Date(at))}::date, coalesce(country_code, 'ZZ'), ${event.type}, ${event.method ?? ""}, 1 from added
    on conflict (day, country_code, metric, method) do update set count = daily_rollups.count + 1
    returning country_code`);
  const countryCode = rowsOf<{ country_code: string }>(result)[0]?.country_code ?? "ZZ";
  const gauge = gaugeMoves[event.type];
  if (gauge) await moveGauge(tx, countryCode, gauge.name, gauge.by);
  if (event.userId && changesFactorsOf(event)) await refreshLockoutRisk(tx, event.userId);
}

// Running totals per country, so "accounts" and "enrolled now" never need a scan of all days or all accounts.
const gaugeMoves: Partial<Record<EventType, { name: "accounts" | "enrolled"; by: number }>> = {
  account_created: { name: "accounts", by: 1 },
  two_step_enabled: { name: "enrolled", by: 1 },
  two_step_disabled: { name: "enrolled", by: -1 },
};

/** The UTC calendar day of an instant, as the rollups store it (YYYY-MM-DD). */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);
