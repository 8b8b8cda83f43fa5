import { describe, expect, it } from "vitest";
import { countryAliases, listIsoCountries } from "@/lib/countries/iso-country-names";
import { matchesCountry } from "@/lib/countries/matches-country";

const country = (code: string) => {
  const { name } = listIsoCountries().find((c) => c.code === code)!;
  return { code, name, aliases: countryAliases(code, name) };
};
const find = (query: string) => listIsoCountries().map(({ code }) => country(code)).filter((c) => matchesCountry(query, c)).map((c) => c.code);

describe("finding a country by what a person types", () => {
  it("finds countries stored under their official names by their everyday ones", () => {
    expect(find("USA")).toEqual(["US"]);
    expect(find("united states")).toContain("US");
    expect(find("uk")).toContain("GB");
    expect(find("great britain")).toEqual(["GB"]);
    expect(find("czechia")).toEqual(["CZ"]);
    expect(find("russia")).toEqual(["RU"]);
  });

  it("finds by the alpha-2 code exactly and the alpha-3 code, and without accents", () => {
    expect(find("de")).toContain("DE");
    expect(find("DEU")).toEqual(["DE"]);
    expect(find("cote d'ivoire")).toEqual(["CI"]);
    expect(find("Côte d’Ivoire")).toEqual(["CI"]);
    expect(find("reunion")).toEqual(["RE"]);
  });

  it("does not repeat the stored name or the code among the aliases, and an empty query finds everything", () => {
    const us = country("US");
    expect(us.aliases).not.toContain(us.name);
    expect(us.aliases).not.toContain("US");
    expect(find("  ")).toHaveLength(listIsoCountries().length);
    expect(find("atlantis")).toEqual([]);
  });
});
