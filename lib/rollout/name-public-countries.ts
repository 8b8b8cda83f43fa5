import { countryName } from "@/lib/countries/country-name";
import type { PublicCountry } from "./public-availability";

/**
 * Pure: every country named in the reader's language and in that language's order ("Deutschland" before
 * "Frankreich", "Österreich" among the O's in German), not the stored English names' order.
 */
export function namePublicCountries(list: PublicCountry[], locale: string): PublicCountry[] {
  const collator = new Intl.Collator(locale);
  return list.map((c) => ({ ...c, name: countryName(c.code, locale, c.name) })).sort((a, b) => collator.compare(a.name, b.name));
}
