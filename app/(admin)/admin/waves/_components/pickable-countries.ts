import { countryAliases } from "@/lib/countries/iso-country-names";
import { listPublicAvailability } from "@/lib/rollout/public-availability";
import { listWaves } from "@/lib/rollout/waves/list-waves";
import type { PickableCountry } from "./wave-form";

/** Every country for the picker, with the other wave (if any) that already holds it. */
export async function pickableCountries(exceptWaveId?: number): Promise<PickableCountry[]> {
  const [countries, waves] = await Promise.all([listPublicAvailability(), listWaves()]);
  const holder = new Map<string, string>();
  for (const w of waves) if (w.phase !== "cancelled" && w.id !== exceptWaveId) for (const c of w.countries) holder.set(c.code, w.name);
  return countries.map((c) => ({ code: c.code, name: c.name, aliases: countryAliases(c.code, c.name), sms: c.sms, otherWave: holder.get(c.code) ?? null }));
}
