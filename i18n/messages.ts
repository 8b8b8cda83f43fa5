import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import compile from "icu-minify/compile";
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
  // Through JSON once: the compiler's plural/select branches are null-prototype objects, which React will not send
  // to the browser.
  const messages = process.env.STEPWISE_PRECOMPILED_MESSAGES === "1" ? (JSON.parse(JSON.stringify(precompile(merged))) as Messages) : merged;
  cache.set(locale, messages);
  return messages;
}

/**
 * Every ICU message compiled ahead of formatting (next.config.ts switches this on together with next-intl's
 * `precompile`, which gives pages and the browser a formatter without an ICU parser: −8 kB gzip on every page).
 * Tests and scripts outside Next get the catalog as written.
 */
function precompile(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).map(([key, value]) => [key, typeof value === "string" ? compile(value) : precompile(value as Messages)]));
}

export { isLocale };
