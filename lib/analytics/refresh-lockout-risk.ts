import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rowsOf } from "@/db/rows";

/**
 * Recomputes one account's lockout risk with the database's own definition (stepwise_lockout_risk, migration
 * 0002) and moves the country's gauge by one when it changed — the dashboard reads the gauge, never all accounts.
 */
export async function refreshLockoutRisk(tx: Tx, userId: string) {
  const result = await tx.execute(sql`
    with before as (select lockout_risk as was from users where id = ${userId} for update),
    after as (update users set lockout_risk = stepwise_lockout_risk(id) where id = ${userId} returning lockout_risk as is, country_code)
    select before.was, after.is, after.country_code from before, after`);
  const [row] = rowsOf<{ was: boolean; is: boolean; country_code: string }>(result);
  if (!row || row.was === row.is) return;
  await moveGauge(tx, row.country_code, "lockout_risk", row.is ? 1 : -1);
}

export async function moveGauge(tx: Tx, countryCode: string, gauge: "accounts" | "enrolled" | "lockout_risk", by: number) {
  await tx.execute(sql`
    insert into country_gauges (country_code, gauge, value) values (${countryCode}, ${gauge}, ${by})
    on conflict (country_code, gauge) do update set value = country_gauges.value + excluded.value`);
}

/** After a country's SMS support changes: every account with a phone there, then the risk gauges, recomputed. */
export async function refreshLockoutRiskForPhonesIn(tx: Tx, phoneCountry: string) {
  await tx.execute(sql`
    update users set lockout_risk = stepwise_lockout_risk(id)
    where id in (select user_id from trusted_phones where country_code = ${phoneCountry}) and lockout_risk is distinct from stepwise_lockout_risk(id)`);
  // Zeroed and upserted rather than deleted and inserted: a second recount at the same time (another country's change)
  // waits on these rows instead of inserting a row this one just inserted (a duplicate key, and a 500).
  await tx.execute(sql`update country_gauges set value = 0 where gauge = 'lockout_risk' and value <> 0`);
  await tx.execute(sql`
    insert into country_gauges (country_code, gauge, value) select country_code, 'lockout_risk', count(*) from users where lockout_risk group by country_code
    on conflict (country_code, gauge) do update set value = excluded.value`);
}
