import { sql } from "drizzle-orm";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";

// E2E ONLY — served by app/api/test/[query]/route.ts (404 unless STEPWISE_TEST_HOOKS=1). Digests, never rows.

/**
 * The tables whose rows only accepted input may change: accounts, their factors and recovery material, and the
 * rollout. Logs and counters (events, audit, rate limits, challenges and their attempt counts, sessions, outbox)
 * are left out: a refusal is allowed, even required, to write those.
 */
const stateTables = [
  "users", "security_questions", "trusted_phones", "trusted_devices", "recovery_keys", "step_ups", "enrollments",
  "authenticator_apps", "passkeys", "backup_codes", "app_passwords",
  "countries", "waves", "wave_countries", "country_pauses",
] as const;

/** Row count and an md5 over every row's text per state table: equal digests, unchanged tables. */
export async function fingerprintState() {
  const digests = await Promise.all(
    stateTables.map(async (table) => {
      const result = await db.execute(sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`));
      const [row] = rowsOf<{ n: number; digest: string }>(result);
      return [table, `${row!.n}:${row!.digest}`] as const;
    }),
  );
  return Object.fromEntries(digests);
}
