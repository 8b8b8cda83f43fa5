import type { AppCookie } from "@/lib/http/cookie-name";

/** The account pages' languages (issue 8): English, then wave 3's and the earlier waves' countries' languages. */
export const locales = ["en", "fr", "de", "ja", "it", "es", "pt-BR", "nl", "pl", "ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each language in itself, for the switcher (a person looks for their own language's name). */
export const localeNames: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  ja: "日本語",
  it: "Italiano",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  nl: "Nederlands",
  pl: "Polski",
  ru: "Русский",
};

/** The language chosen with the switcher in this browser (language-actions.ts). */
export const localeCookie: AppCookie = { name: "locale" };

export const isLocale = (v: string | undefined | null): v is Locale => locales.includes(v as Locale);

/** A language tag → the locale we ship for it: the exact tag, else its language ("pt-PT" → "pt-BR", "fr-CA" → "fr"). */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  const exact = locales.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split("-")[0];
  return locales.find((l) => l.toLowerCase().split("-")[0] === language) ?? null;
}

/** Pure: the account's or cookie's choice, else the best Accept-Language match, else English. */
export function pickLocale(preferred: string | undefined | null, acceptLanguage: string | null): Locale {
  if (isLocale(preferred)) return preferred;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return defaultLocale;
}

/** Language tags from an Accept-Language header, best first. */
export function parseAcceptLanguage(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag!.trim(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}

/** The region the browser says it is in ("en-GB" → "GB"), used only as the sign-up form's default country. */
export function regionFromAcceptLanguage(header: string | null): string | null {
  for (const tag of parseAcceptLanguage(header)) {
    const region = tag.split("-").find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part));
    if (region) return region.toUpperCase();
  }
  return null;
}
