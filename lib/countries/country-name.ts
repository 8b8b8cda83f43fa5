const cache = new Map<string, Intl.DisplayNames>();

/** A country's name in the reader's language ("US" → "United States", "États-Unis"), falling back to the stored name. */
export function countryName(code: string, locale: string, fallback = code) {
  let names = cache.get(locale);
  if (!names) cache.set(locale, (names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" })));
  try {
    return names.of(code) ?? fallback;
  } catch {
    return fallback;
  }
}
