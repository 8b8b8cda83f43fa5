import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { countries, countryPauses, waveCountries, waves } from "@/db/schema";
import { availabilityAt, type Availability } from "./availability";

export type PublicStatus = "available" | "rolling_out" | "scheduled" | "paused" | "not_available";

export interface PublicCountry {
  code: string;
  name: string;
  status: PublicStatus;
  wave: string | null;
  /** When 2SV arrived (or arrives, when scheduled); null when not announced. */
  launchAt: string | null;
  sms: boolean;
}

/** Plans not yet approved are internal: the public sees them as "not available". */
function publicStatus(a: Availability): PublicStatus {
  switch (a.status) {
    case "available":
      return "available";
    case "ramping":
      return "rolling_out";
    case "scheduled":
      return "scheduled";
    case "paused":
      return "paused";
    default:
      return "not_available";
  }
}

/**
 * Every country's 2SV availability, generated from the rollout state at each request — the public page and
 * /api/availability can never drift from what the product does (the 2013 FAQ forgot wave 2).
 */
export async function listPublicAvailability(now = new Date()): Promise<PublicCountry[]> {
  const rows = await db
    .select({ country: countries, wave: waves, pause: { reason: countryPauses.reason, source: countryPauses.source } })
    .from(countries)
    .leftJoin(waveCountries, eq(waveCountries.countryCode, countries.code))
    .leftJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled")))
    .leftJoin(countryPauses, eq(countryPauses.countryCode, countries.code))
    .orderBy(countries.name);
  // A country may also sit in cancelled waves (joined as nulls): keep its live row.
  const byCode = new Map<string, PublicCountry>();
  for (const { country, wave, pause } of rows) {
    const status = publicStatus(availabilityAt(wave, now, pause?.reason ? pause : null));
    const entry: PublicCountry = {
      code: country.code,
      name: country.name,
      status,
      wave: status === "not_available" ? null : (wave?.name ?? null),
      launchAt: status === "not_available" ? null : (wave?.startsAt?.toISOString() ?? null),
      sms: country.smsSupported,
    };
    const seen = byCode.get(country.code);
    if (!seen || seen.status === "not_available") byCode.set(country.code, entry);
  }
  return [...byCode.values()];
}
