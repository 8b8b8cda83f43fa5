// A realistic synthetic population for dashboards and load: accounts, their 2SV funnel, factors and sign-ins.
import { randomBytes } from "node:crypto";
import { and, inArray, lte, sql } from "drizzle-orm";
import { getExampleNumber, type CountryCode } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { hashPassword } from "@/lib/auth/passwords";
import type { DB } from "./index";
import { rowsOf } from "./rows";
import { countries, waveCountries, waves } from "./schema";
import { countryWeights } from "./synth-data";
import { planAccount, type PlanContext, type PlannedAccount } from "./synth-plan";

export const syntheticDomain = "synthetic.stepwise.test";

export interface SynthesizeOptions {
  accounts: number;
  seed?: number;
  batchSize?: number;
  /** The end of the simulated history (default: now). */
  now?: Date;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface SynthesizeResult {
  accounts: number;
  /** Account numbers used (emails synthetic-<n>@…): a later run continues after `lastNumber`. */
  firstNumber: number;
  lastNumber: number;
  enrolled: number;
  atRisk: number;
  events: number;
  phones: number;
  devices: number;
  keys: number;
  byCountry: Record<string, number>;
}

/**
 * Inserts `accounts` synthetic accounts (deterministic for a seed and a starting number) with multi-row INSERTs over
 * `unnest` arrays, one transaction per batch, then rebuilds every rollup and gauge once. Same code on PGlite and
 * PostgreSQL. Everyone shares one argon2id hash of a random password: nobody signs in as them.
 */
export async function synthesizePopulation(db: DB, { accounts, seed = 2013, batchSize = 5000, now = new Date(), onProgress }: SynthesizeOptions): Promise<SynthesizeResult> {
  const context = await loadPlanContext(db, seed, now);
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  const firstNumber = (await lastSyntheticNumber(db)) + 1;
  const result: SynthesizeResult = { accounts, firstNumber, lastNumber: firstNumber + accounts - 1, enrolled: 0, atRisk: 0, events: 0, phones: 0, devices: 0, keys: 0, byCountry: {} };

  // Two batches in flight: Node plans the next one while the database writes the last (PGlite simply queues them).
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  for (let from = 0; from < accounts; from += batchSize) {
    const planned: PlannedAccount[] = [];
    for (let i = from; i < Math.min(from + batchSize, accounts); i++) planned.push(planAccount(context, firstNumber + i));
    tally(result, planned);
    const write = writeBatch(db, planned, passwordHash).then(() => {
      inFlight.delete(write);
      done += planned.length;
      onProgress?.({ done, total: accounts });
    });
    inFlight.add(write);
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await db.execute(sql`select stepwise_rebuild_rollups()`);
  return result;
}

/** The highest n among synthetic-<n>@ accounts, 0 when there are none. */
export async function lastSyntheticNumber(db: DB): Promise<number> {
  const rows = rowsOf<{ n: number | null }>(
    await db.execute(sql`select max(substring(email from '^synthetic-([0-9]+)@')::int) as n from users where email like ${`synthetic-%@${syntheticDomain}`}`),
  );
  return Number(rows[0]?.n ?? 0);
}

export async function loadPlanContext(db: DB, seed: number, now: Date): Promise<PlanContext> {
  const known = await db.select({ code: countries.code, sms: countries.smsSupported }).from(countries);
  const missing = Object.keys(countryWeights).filter((code) => !known.some((c) => c.code === code));
  if (missing.length) throw new Error(`Seed the countries before synthesizing (missing ${missing.join(", ")})`);
  const launched = await db
    .select({ country: waveCountries.countryCode, startsAt: waves.startsAt })
    .from(waves)
    .innerJoin(waveCountries, sql`${waveCountries.waveId} = ${waves.id}`)
    .where(and(inArray(waves.status, ["scheduled", "live", "complete"]), lte(waves.startsAt, now)));
  const prefixes = new Map<string, string | undefined>();
  return {
    seed,
    now: now.getTime(),
    launches: new Map(launched.map((w) => [w.country, w.startsAt!.getTime()])),
    smsCountries: new Set(known.filter((c) => c.sms).map((c) => c.code)),
    phonePrefix: (country) => {
      // A real mobile example number for the country with its last five digits left to draw.
      if (!prefixes.has(country)) prefixes.set(country, getExampleNumber(country as CountryCode, examples)?.number.slice(0, -5));
      return prefixes.get(country);
    },
  };
}

function tally(result: SynthesizeResult, planned: PlannedAccount[]) {
  for (const a of planned) {
    result.byCountry[a.countryCode] = (result.byCountry[a.countryCode] ?? 0) + 1;
    if (a.twoStepEnabledAt !== null) result.enrolled++;
    if (a.lockoutRisk) result.atRisk++;
    result.events += a.events.length;
    result.phones += a.phones.length;
    result.devices += a.devices.length;
    result.keys += a.keys.length;
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A PostgreSQL array literal: one text parameter however many rows, which both drivers pass the same way. */
function arrayLiteral(values: readonly (string | null | undefined)[]) {
  const parts = values.map((v) => (v == null ? "NULL" : `"${/["\\]/.test(v) ? v.replace(/["\\]/g, "\\$&") : v}"`));
  return `{${parts.join(",")}}`;
}

const column = <T>(rows: readonly T[], get: (row: T) => string | null | undefined) => arrayLiteral(rows.map(get));

async function writeBatch(db: DB, planned: PlannedAccount[], passwordHash: string) {
  const events = planned.flatMap((a) => a.events.map((e) => ({ ...e, userId: a.id })));
  const phones = planned.flatMap((a) => a.phones.map((p) => ({ ...p, userId: a.id })));
  const devices = planned.flatMap((a) => a.devices.map((d) => ({ ...d, userId: a.id })));
  const keys = planned.flatMap((a) => a.keys.map((k) => ({ ...k, userId: a.id })));
  await db.transaction(async (tx) => {
    // Safe for a bulk load (a crash loses at most the last batches, never consistency) and much faster on PostgreSQL.
    await tx.execute(sql`set local synchronous_commit = off`);
    await tx.execute(sql`
      insert into users (id, email, name, password_hash, country_code, role, created_at, two_step_enabled_at, lockout_risk)
      select id, email, name, ${passwordHash}, country_code, 'user', created_at, enabled_at, risk
      from unnest(${column(planned, (a) => a.id)}::uuid[], ${column(planned, (a) => a.email)}::text[], ${column(planned, (a) => a.name)}::text[],
        ${column(planned, (a) => a.countryCode)}::text[], ${column(planned, (a) => iso(a.createdAt))}::timestamptz[],
        ${column(planned, (a) => iso(a.twoStepEnabledAt))}::timestamptz[], ${column(planned, (a) => (a.lockoutRisk ? "t" : "f"))}::boolean[])
        as t(id, email, name, country_code, created_at, enabled_at, risk)`);
    await tx.execute(sql`
      insert into events (at, type, user_id, country_code, method, detail)
      select * from unnest(${column(events, (e) => iso(e.at))}::timestamptz[], ${column(events, (e) => e.type)}::text[],
        ${column(events, (e) => e.userId)}::uuid[], ${column(events, (e) => e.countryCode)}::text[],
        ${column(events, (e) => e.method)}::text[], ${column(events, (e) => e.detail)}::text[])`);
    if (phones.length)
      await tx.execute(sql`
        insert into trusted_phones (user_id, e164, country_code, verified_at, created_at)
        select user_id, e164, country_code, verified_at, verified_at
        from unnest(${column(phones, (p) => p.userId)}::uuid[], ${column(phones, (p) => p.e164)}::text[], ${column(phones, (p) => p.countryCode)}::text[],
          ${column(phones, (p) => iso(p.verifiedAt))}::timestamptz[]) as t(user_id, e164, country_code, verified_at)`);
    if (devices.length)
      await tx.execute(sql`
        insert into trusted_devices (user_id, token_hash, label, receives_codes, created_at, last_used_at, revoked_at)
        select user_id, token_hash, label, true, created_at, last_used_at, revoked_at
        from unnest(${column(devices, (d) => d.userId)}::uuid[], ${column(devices, (d) => d.tokenHash)}::text[], ${column(devices, (d) => d.label)}::text[],
          ${column(devices, (d) => iso(d.createdAt))}::timestamptz[], ${column(devices, (d) => iso(d.lastUsedAt))}::timestamptz[],
          ${column(devices, (d) => iso(d.revokedAt))}::timestamptz[]) as t(user_id, token_hash, label, created_at, last_used_at, revoked_at)`);
    if (keys.length)
      await tx.execute(sql`
        insert into recovery_keys (user_id, key_hash, confirmed_at, created_at, replaced_at)
        select * from unnest(${column(keys, (k) => k.userId)}::uuid[], ${column(keys, (k) => k.keyHash)}::text[],
          ${column(keys, (k) => iso(k.confirmedAt))}::timestamptz[], ${column(keys, (k) => iso(k.createdAt))}::timestamptz[],
          ${column(keys, (k) => iso(k.replacedAt))}::timestamptz[])`);
  });
}

export async function hasSyntheticAccounts(db: DB): Promise<boolean> {
  const rows = rowsOf<{ found: boolean }>(await db.execute(sql`select exists (select 1 from users where email like ${`%@${syntheticDomain}`}) as found`));
  return Boolean(rows[0]?.found);
}
