import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultLocale, isLocale, type Locale } from "./locales";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * All message files of a locale (messages/<locale>/*.json, one per area, each owning its top-level namespaces)
 * merged into one catalog. Read once per process.
 */
export function loadMessages(locale: Locale = defaultLocale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = join(process.cwd(), "messages", locale);
  const merged: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const part = JSON.parse(readFileSync(join(dir, file), "utf8")) as Messages;
    for (const [namespace, value] of Object.entries(part)) {
      if (namespace in merged) throw new Error(`Message namespace "${namespace}" is defined twice (${file})`);
      merged[namespace] = value;
    }
  }
  cache.set(locale, merged);
  return merged;
}

export { isLocale };
