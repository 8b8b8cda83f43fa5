import { hashPassword } from "@/lib/auth/passwords";
import type { DB } from "./index";
import { sql } from "drizzle-orm";
import { listIsoCountries } from "@/lib/countries/iso-country-names";
import { countries, trustedPhones, users, waveCountries, waves } from "./schema";
import { demoAccounts, demoPassword, demoStaffPhones, seedWaves, smsCountries } from "./seed-data";

export function allCountries() {
  return listIsoCountries()
    .map(({ code, name }) => ({ code, name, smsSupported: smsCountries.has(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Idempotent: running it twice leaves the same data. Demo accounts are created only when missing. */
export async function seedDatabase(db: DB, { demo = true } = {}) {
  await db.insert(countries).values(allCountries()).onConflictDoNothing();

  for (const wave of seedWaves) {
    const [row] = await db
      .insert(waves)
      .values({ name: wave.name, status: wave.status, startsAt: wave.startsAt, startOnApproval: "startOnApproval" in wave && wave.startOnApproval })
      .onConflictDoNothing({ target: waves.name })
      .returning({ id: waves.id });
    if (!row) continue;
    await db
      .insert(waveCountries)
      .values(wave.countries.map((countryCode) => ({ waveId: row.id, countryCode })))
      .onConflictDoNothing();
  }

  if (!demo) return;
  const passwordHash = await hashPassword(demoPassword);
  const launched = new Date("2013-03-21T17:00:00Z");
  const created = await db
    .insert(users)
    .values(demoAccounts.map((a) => ({ ...a, passwordHash, twoStepEnabledAt: a.email in demoStaffPhones ? launched : null })))
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email });
  const phones = created.flatMap((u) => (demoStaffPhones[u.email] ? [{ userId: u.id, ...demoStaffPhones[u.email]!, verifiedAt: launched }] : []));
  if (phones.length) await db.insert(trustedPhones).values(phones);
  if (created.length) await recordSeededAccounts(db, created.map((u) => u.id));
}

/**
 * Accounts inserted in bulk get the events the app would have recorded (created; 2SV on), then every rollup and
 * gauge is recomputed from the events in one statement — the same function `npm run db:rollups` runs.
 */
export async function recordSeededAccounts(db: DB, ids: string[]) {
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  await db.execute(sql`insert into events (at, type, user_id, country_code) select created_at, 'account_created', id, country_code from users where id in (${list})`);
  await db.execute(sql`insert into events (at, type, user_id, country_code, method) select two_step_enabled_at, 'two_step_enabled', id, country_code, 'sms' from users where id in (${list}) and two_step_enabled_at is not null`);
  await db.execute(sql`select stepwise_rebuild_rollups()`);
}
