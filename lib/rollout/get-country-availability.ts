import { eq } from "drizzle-orm";
import { db } from "@/db";
import { waveCountries, waves } from "@/db/schema";
import { availabilityAt } from "./availability";

export async function getCountryAvailability(countryCode: string, now = new Date()) {
  const [wave] = await db
    .select({ name: waves.name, status: waves.status, startsAt: waves.startsAt })
    .from(waveCountries)
    .innerJoin(waves, eq(waves.id, waveCountries.waveId))
    .where(eq(waveCountries.countryCode, countryCode));
  return availabilityAt(wave, now);
}
