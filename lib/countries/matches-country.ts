import { foldForSearch } from "@/lib/text/fold-for-search";

/** Whether what someone typed finds a country: part of any of its names, or its two-letter code exactly. */
export function matchesCountry(query: string, country: { code: string; name: string; aliases: readonly string[] }) {
  const q = foldForSearch(query.trim());
  if (!q) return true;
  return country.code.toLowerCase() === q || [country.name, ...country.aliases].some((name) => foldForSearch(name).includes(q));
}
