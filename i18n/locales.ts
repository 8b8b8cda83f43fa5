export const locales = ["en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

const isLocale = (v: string | undefined | null): v is Locale => locales.includes(v as Locale);

/** Pure: the account's or cookie's choice, else the best Accept-Language match, else English. */
export function pickLocale(preferred: string | undefined | null, acceptLanguage: string | null): Locale {
  if (isLocale(preferred)) return preferred;
  for (const tag of parseAcceptLanguage(acceptLanguage)) {
    const base = tag.split("-")[0]!.toLowerCase();
    if (isLocale(base)) return base;
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
