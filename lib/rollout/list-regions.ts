import { and, count, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { countries, countryPauses, users, waveCountries, waves } from "@/db/schema";
import { countryAliases } from "@/lib/countries/iso-country-names";
import { availabilityAt, type Availability } from "./availability";
import { countInRamp } from "./count-eligible";
import type { RegionRow } from "./region-row";

/** Every country with its rollout status at `now`, SMS support and enrollment counts, for the Regions page. */
export async function listRegions(now = new Date()): Promise<RegionRow[]> {
  const [all, memberships, pauses, counts] = await Promise.all([
    db.select().from(countries).orderBy(countries.name),
    db
      .select({ code: waveCountries.countryCode, wave: waves })
      .from(waveCountries)
      .innerJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled"))),
    db.select().from(countryPauses),
    db
      .select({ code: users.countryCode, accounts: count(), enrolled: count(users.twoStepEnabledAt) })
      .from(users)
      .groupBy(users.countryCode),
  ]);
  const waveOf = new Map(memberships.map((m) => [m.code, m.wave]));
  const pauseOf = new Map(pauses.map((p) => [p.countryCode, p]));
  const countsOf = new Map(counts.map((c) => [c.code, c]));

  return Promise.all(
    all.map(async (country): Promise<RegionRow> => {
      const wave = waveOf.get(country.code) ?? null;
      const pause = pauseOf.get(country.code) ?? null;
      const shown = availabilityAt(wave, now, pause);
      // Eligibility is what the plan offers; a pause stops new enrollments but does not un-offer anyone.
      const planned = availabilityAt(wave, now);
      const { accounts = 0, enrolled = 0 } = countsOf.get(country.code) ?? {};
      return {
        code: country.code,
        name: country.name,
        aliases: countryAliases(country.code, country.name),
        status: shown.status,
        percent: planned.status === "ramping" ? planned.percent : null,
        waveId: wave?.id ?? null,
        wave: wave?.name ?? null,
        launchedAt: wave?.startsAt?.toISOString() ?? null,
        smsSupported: country.smsSupported,
        pauseReason: shown.status === "paused" ? shown.reason : null,
        accounts,
        enrolled,
        eligible: await eligibleCount(planned, country.code, accounts),
      };
    }),
  );
}

async function eligibleCount(planned: Availability, countryCode: string, accounts: number) {
  if (planned.status === "available") return accounts;
  if (planned.status === "ramping" && accounts > 0) return countInRamp({ countryCode, waveId: planned.waveId, percent: planned.percent });
  return 0;
}
