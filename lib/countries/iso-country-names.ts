import countriesLib from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };

countriesLib.registerLocale(en);

const english = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

// "Côte d’Ivoire" is found by "cote d'ivoire": marks dropped, curly apostrophes straightened.
const plain = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").replace(/[‘’]/g, "'");

/** Every ISO 3166 country by alpha-2 code, with its official English name: the countries table's seed. */
export function listIsoCountries() {
  return Object.entries(countriesLib.getNames("en", { select: "official" })).map(([code, name]) => ({ code, name }));
}

/**
 * The other names someone may type for a country than the stored one: common and short names ("United States",
 * "USA", "UK", "Great Britain", "Czechia"), the alpha-3 code, and each without accents.
 */
export function countryAliases(code: string, storedName: string): string[] {
  const names = [countriesLib.getName(code, "en", { select: "all" }) ?? [], english.of(code) ?? [], countriesLib.alpha2ToAlpha3(code) ?? []].flat();
  const withPlain = [storedName, ...names].flatMap((name) => [name, plain(name)]);
  return [...new Set(withPlain)].filter((name) => name !== storedName && name !== code);
}
