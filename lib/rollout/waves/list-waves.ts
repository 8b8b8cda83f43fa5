import { alias } from "drizzle-orm/pg-core";
import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { countries, users, waveCountries, waves } from "@/db/schema";
import { wavePhaseAt } from "./wave-rules";

const requester = alias(users, "requester");
const reviewer = alias(users, "reviewer");

/** Waves with their countries, phase at `now` and who asked and decided; launched history first, then plans. */
export async function listWaves(now = new Date()) {
  const rows = await db
    .select({
      wave: waves,
      requestedByName: requester.name,
      reviewedByName: reviewer.name,
      countries: sql<{ code: string; name: string }[]>`coalesce(json_agg(json_build_object('code', ${countries.code}, 'name', ${countries.name}) order by ${countries.name}) filter (where ${countries.code} is not null), '[]')`,
    })
    .from(waves)
    .leftJoin(waveCountries, eq(waveCountries.waveId, waves.id))
    .leftJoin(countries, eq(countries.code, waveCountries.countryCode))
    .leftJoin(requester, eq(requester.id, waves.requestedBy))
    .leftJoin(reviewer, eq(reviewer.id, waves.reviewedBy))
    .groupBy(waves.id, requester.name, reviewer.name)
    .orderBy(sql`${waves.startsAt} asc nulls last`, asc(waves.id));
  return rows.map((r) => ({ ...r.wave, ...wavePhaseAt(r.wave, now), requestedByName: r.requestedByName, reviewedByName: r.reviewedByName, countries: r.countries }));
}

export type WaveSummary = Awaited<ReturnType<typeof listWaves>>[number];

export async function getWave(id: number, now = new Date()) {
  return (await listWaves(now)).find((w) => w.id === id) ?? null;
}
