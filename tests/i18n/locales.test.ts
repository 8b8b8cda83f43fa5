import { describe, expect, it } from "vitest";
import { defaultLocale, parseAcceptLanguage, pickLocale, regionFromAcceptLanguage } from "@/i18n/locales";

describe("parseAcceptLanguage", () => {
  it("orders tags by quality, keeping header order for ties, and drops * and q=0", () => {
    expect(parseAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")).toEqual(["fr-CH", "fr", "en", "de"]);
    expect(parseAcceptLanguage("de;q=0.5, en-GB, ja;q=0, es")).toEqual(["en-GB", "es", "de"]);
    expect(parseAcceptLanguage("en;q=0.3,fr;q=0.7")).toEqual(["fr", "en"]);
  });

  it("tolerates spaces around parameters and treats a garbage q as 0", () => {
    expect(parseAcceptLanguage("  it ; q=0.4 ,pt-BR ;q=0.6")).toEqual(["pt-BR", "it"]);
    expect(parseAcceptLanguage("nl;q=abc, sv")).toEqual(["sv"]);
  });

  it("returns nothing for a missing or empty header", () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
    expect(parseAcceptLanguage(" , ,")).toEqual([]);
  });
});

describe("pickLocale", () => {
  it("uses the saved preference when it is a supported locale", () => {
    expect(pickLocale("en", "fr-FR,fr;q=0.9")).toBe("en");
    expect(pickLocale("pt-BR", "ja")).toBe("pt-BR");
  });

  it("ignores an unsupported or missing preference and falls back to Accept-Language, then English", () => {
    expect(pickLocale("xx", "en-GB,en;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "fr-FR, EN-au;q=0.2")).toBe("fr");
    expect(pickLocale(null, "sv-SE, de;q=0.5")).toBe("de");
    expect(pickLocale(null, "ja-JP")).toBe("ja");
    expect(pickLocale(null, null)).toBe(defaultLocale);
  });

  it("matches a regional variant to the language we ship (Portuguese is Brazil's)", () => {
    expect(pickLocale(null, "pt-PT")).toBe("pt-BR");
    expect(pickLocale(null, "pt-br")).toBe("pt-BR");
    expect(pickLocale(null, "es-MX")).toBe("es");
    expect(pickLocale(null, "de-AT")).toBe("de");
  });

  it("never returns a locale the app does not ship", () => {
    for (const header of ["zh-CN", "sv;q=1, ko;q=0.9", "*", "xx-YY"]) expect(pickLocale(header, header)).toBe("en");
  });
});

describe("regionFromAcceptLanguage", () => {
  it("takes the region of the best tag that has one", () => {
    expect(regionFromAcceptLanguage("en-GB,en;q=0.9")).toBe("GB");
    expect(regionFromAcceptLanguage("en;q=0.9, fr-ca;q=0.8")).toBe("CA");
    expect(regionFromAcceptLanguage("de-AT;q=0.2, es-MX;q=0.8")).toBe("MX");
  });

  it("skips scripts and numeric regions", () => {
    expect(regionFromAcceptLanguage("zh-Hant-TW")).toBe("TW");
    expect(regionFromAcceptLanguage("es-419, pt")).toBeNull();
    expect(regionFromAcceptLanguage("sr-Latn")).toBeNull();
  });

  it("returns null without a region", () => {
    expect(regionFromAcceptLanguage("en, fr")).toBeNull();
    expect(regionFromAcceptLanguage(null)).toBeNull();
  });
});
