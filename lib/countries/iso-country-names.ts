import countriesLib from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };

countriesLib.registerLocale(en);

const english = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** The everyday English name ("United States"), or none for a code Intl does not know. */
function everydayName(code: string) {
  try {
    return english.of(code) ?? [];
  } catch {
    return [];
  }
}

/** Every ISO 3166 country by alpha-2 code, with its official English name: the countries table's seed. */
export function listIsoCountries() {
  return Object.entries(countriesLib.getNames("en", { select: "official" })).map(([code, name]) => ({ code, name }));
}

/**
 * The other names someone may type for a country than the stored one: common and short names ("United States",
 * "USA", "UK", "Great Britain", "Czechia") and the alpha-3 code. Searches fold accents away (foldForSearch).
 */
export function countryAliases(code: string, storedName: string): string[] {
  const names = [countriesLib.getName(code, "en", { select: "all" }) ?? [], everydayName(code), countriesLib.alpha2ToAlpha3(code) ?? []].flat();
  return [...new Set(names)].filter((name) => name !== storedName && name !== code);
}
