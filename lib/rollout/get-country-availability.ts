import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { countryPauses, waveCountries, waves } from "@/db/schema";
import { availabilityAt, availabilityForAccount } from "./availability";

/** Read from the database on every call (no per-instance cache), so every app instance agrees at once. */
export async function getCountryAvailability(countryCode: string, now = new Date()) {
  const [row] = await db
    .select({
      wave: { id: waves.id, name: waves.name, status: waves.status, startsAt: waves.startsAt, rampSteps: waves.rampSteps, pausedAt: waves.pausedAt, pauseReason: waves.pauseReason },
      pause: { reason: countryPauses.reason, source: countryPauses.source },
    })
    .from(waveCountries)
    .innerJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled")))
    .leftJoin(countryPauses, eq(countryPauses.countryCode, waveCountries.countryCode))
    .where(eq(waveCountries.countryCode, countryCode));
  return availabilityAt(row?.wave, now, row?.pause ?? null);
}

/** The country's availability as this account sees it (ramp buckets applied). */
export async function getAccountAvailability({ countryCode, userId }: { countryCode: string; userId: string }, now = new Date()) {
  return availabilityForAccount(await getCountryAvailability(countryCode, now), userId);
}
