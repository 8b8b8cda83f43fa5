import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IntlMessageFormat } from "intl-messageformat";

/** A message as the app shows it in `locale` ("ns.key"), so specs find controls by the name a person reads. */
export function msg(locale: string, key: string, values: Record<string, string | number> = {}) {
  const dir = fileURLToPath(new URL(`../../messages/${locale}/`, import.meta.url));
  const catalog = Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as object)) as Record<string, unknown>;
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog);
  if (typeof text !== "string") throw new Error(`no message ${key} in ${locale}`);
  return String(new IntlMessageFormat(text, locale).format(values));
}
