import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Which message keys the code asks for, read from the source with regexes (no parser). Translators are bound to a
 * namespace where they are declared — `const t = useTranslations("ns")`, `getTranslations("ns")` (also inside a
 * destructured Promise.all), `createTranslator({ …, namespace: "ns" })` — and each call resolves against the nearest
 * declaration of its name above it. A call with a literal uses that key; a template literal uses every key under its
 * static prefix; any other argument (a key carried in data, e.g. `t(state.message.key)`) uses each key of the
 * namespace whose name appears as a string literal somewhere in the code (that is where such keys come from).
 */
export interface MessageUsage {
  keys: Set<string>;
  prefixes: Set<string>;
  dynamicNamespaces: Set<string>;
  literals: Set<string>;
}

const sourceDirs = ["app", "components", "lib", "i18n"];

export function scanMessageUsage(root: string): MessageUsage {
  const usage: MessageUsage = { keys: new Set(), prefixes: new Set(), dynamicNamespaces: new Set(), literals: new Set() };
  const sources = sourceDirs.flatMap((dir) =>
    (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => readFileSync(join(root, dir, f), "utf8")),
  );
  // Functions that return a translator bound to a namespace: `function noticeTranslator() { … return createTranslator({ namespace: "x" …`.
  const factories = new Map<string, string>();
  for (const source of sources) {
    for (const m of source.matchAll(/function\s+(\w+)\([^)]*\)[^{]*\{[^{}]*?return\s+createTranslator\(\{[^}]*namespace:\s*"([\w.]+)"/g)) factories.set(m[1]!, m[2]!);
  }
  for (const source of sources) scanFile(source, factories, usage);
  return usage;
}

function scanFile(source: string, factories: Map<string, string>, usage: MessageUsage) {
  for (const m of source.matchAll(/["'`]([\w.]+)["'`]/g)) usage.literals.add(m[1]!);
  const declarations = translatorDeclarations(source, factories);
  const names = [...new Set(declarations.map((d) => d.name))];
  for (const name of names) {
    const call = new RegExp(`(?<![\\w.])${name}(?:\\.(?:rich|markup|raw|has))?\\(\\s*`, "g");
    for (const m of source.matchAll(call)) {
      const namespace = declarations.filter((d) => d.name === name && d.at < m.index).at(-1)?.namespace;
      if (!namespace) continue;
      const rest = source.slice(m.index + m[0].length);
      const literal = /^"([\w.]+)"/.exec(rest);
      const template = /^`([\w.]*)\$\{/.exec(rest);
      if (literal) usage.keys.add(`${namespace}.${literal[1]}`);
      else if (template) usage.prefixes.add(`${namespace}.${template[1]}`);
      else if (!/^\)/.test(rest)) usage.dynamicNamespaces.add(namespace);
    }
  }
}

function translatorDeclarations(source: string, factories: Map<string, string>) {
  const found: { name: string; namespace: string; at: number }[] = [];
  // Helpers beside a factory take its translator as a parameter: `function browserOf(ua: string, t: Translate)`.
  const local = [...factories].find(([factory]) => new RegExp(`function\\s+${factory}\\b`).test(source));
  if (local) for (const m of source.matchAll(/[(,]\s*(\w+):\s*Translate\b/g)) found.push({ name: m[1]!, namespace: local[1], at: m.index });
  for (const [factory, namespace] of factories) {
    for (const m of source.matchAll(new RegExp(`(?:const|let)\\s+(\\w+)\\s*=\\s*${factory}\\(`, "g"))) found.push({ name: m[1]!, namespace, at: m.index });
  }
  const single = /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*"([\w.]+)"/g;
  for (const m of source.matchAll(single)) found.push({ name: m[1]!, namespace: m[2]!, at: m.index });
  const created = /(?:const|let)\s+(\w+)\s*=\s*createTranslator\(\{[^}]*namespace:\s*"([\w.]+)"/g;
  for (const m of source.matchAll(created)) found.push({ name: m[1]!, namespace: m[2]!, at: m.index });
  // const [t, common, …] = await Promise.all([getTranslations("a"), getTranslations("common"), …])
  const all = /(?:const|let)\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([\s\S]*?)\]\)/g;
  for (const m of source.matchAll(all)) {
    const names = m[1]!.split(",").map((n) => n.trim());
    const items = m[2]!.split(/,(?![^(]*\))/).map((i) => i.trim());
    items.forEach((item, i) => {
      const namespace = /^(?:useTranslations|getTranslations)\(\s*"([\w.]+)"/.exec(item)?.[1];
      if (namespace && names[i] && /^\w+$/.test(names[i]!)) found.push({ name: names[i]!, namespace, at: m.index });
    });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Every string's key path in a catalog: { a: { b: "…" } } → ["a.b"]. */
export function keyPaths(catalog: unknown, prefix = ""): string[] {
  if (typeof catalog === "string") return [prefix];
  return Object.entries(catalog as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

export function isUsed(key: string, usage: MessageUsage) {
  if (usage.keys.has(key)) return true;
  if ([...usage.keys].some((used) => key.startsWith(`${used}.`))) return true; // t.raw("list") of a nested object
  if ([...usage.prefixes].some((prefix) => key.startsWith(prefix))) return true;
  const namespace = key.split(".")[0]!;
  if (!usage.dynamicNamespaces.has(namespace)) return false;
  const relative = key.slice(namespace.length + 1);
  return usage.literals.has(relative) || usage.literals.has(relative.split(".").at(-1)!);
}

/** The catalogs of every locale folder: locale → merged namespaces. */
export function loadCatalogs(root: string) {
  const dir = join(root, "messages");
  const catalogs = new Map<string, { files: string[]; messages: Record<string, unknown> }>();
  for (const locale of readdirSync(dir).sort()) {
    const files = readdirSync(join(dir, locale)).filter((f) => f.endsWith(".json")).sort();
    const messages: Record<string, unknown> = {};
    for (const file of files) Object.assign(messages, JSON.parse(readFileSync(join(dir, locale, file), "utf8")) as Record<string, unknown>);
    catalogs.set(locale, { files, messages });
  }
  return catalogs;
}
