import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, pickMessages } from "@/i18n/client-messages";
import { loadMessages } from "@/i18n/messages";

const sourceFiles = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));
const hookNamespaces = (source: string) => [...source.matchAll(/useTranslations\(\s*["'`](\w+)/g)].map((m) => m[1]!);

/** Top-level namespaces passed to `useTranslations("ns…")` anywhere: what can render on the client. */
function namespacesUsedByHooks() {
  const found = new Set<string>();
  for (const file of ["app", "components", "lib"].flatMap(sourceFiles)) {
    const source = readFileSync(file, "utf8");
    expect(source, `${file}: useTranslations() without a namespace would need every message on the client`).not.toMatch(/useTranslations\(\s*\)/);
    for (const namespace of hookNamespaces(source)) found.add(namespace);
  }
  return found;
}

function resolveImport(from: string, specifier: string) {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? join(dirname(from), specifier) : null;
  if (base === null) return null; // a package
  return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx"), base].find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
}

/**
 * Namespaces the components a file renders can translate with: every module it reaches through static and dynamic
 * imports. A server action module ("use server") is a boundary: nothing it imports renders in the browser.
 */
function namespacesReachedFrom(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (/^\s*["']use server["']/.test(source)) return new Set();
  const found = new Set(hookNamespaces(source));
  for (const m of source.matchAll(/(?:from|import\s*\(|^import)\s*["']([^"']+)["']/gm)) {
    const target = resolveImport(file, m[1]!);
    if (target) for (const namespace of namespacesReachedFrom(target, seen)) found.add(namespace);
  }
  return found;
}

/** What a route file hands its client components: every `<ClientMessages namespaces={[…]}>` in it. */
const namespacesProvidedBy = (source: string) =>
  new Set([...source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)].flatMap((m) => [...m[1]!.matchAll(/"(\w+)"/g)].map((n) => n[1]!)));

const routeFiles = sourceFiles("app").filter((f) => /(^|\/)(page|layout|template|error|global-error|not-found|loading|default)\.tsx$/.test(f));

describe("messages sent to the browser", () => {
  it("are exactly the namespaces components translate with useTranslations", () => {
    expect([...clientNamespaces].sort()).toEqual([...namespacesUsedByHooks()].sort());
  });

  it("are, for every page and layout, exactly the namespaces its own client components translate with", () => {
    const mismatched = routeFiles.flatMap((file) => {
      const needed = [...namespacesReachedFrom(file)].sort();
      const provided = [...namespacesProvidedBy(readFileSync(file, "utf8"))].sort();
      return needed.join() === provided.join() ? [] : [{ file, needed, provided }];
    });
    expect(mismatched).toEqual([]);
    // The walk found the pages that render translated forms (it would pass vacuously if it found none).
    expect(routeFiles.filter((f) => namespacesReachedFrom(f).size > 0).length).toBeGreaterThan(20);
  });

  it("hold a page's namespaces and nothing else: the rest of the catalog stays on the server", () => {
    const all = loadMessages("en");
    const sent = pickMessages(all, ["signIn", "passkeySignIn", "validation"]);
    expect(Object.keys(sent).sort()).toEqual(["passkeySignIn", "signIn", "validation"]);
    expect(sent.signIn).toEqual(all.signIn);
    expect(pickMessages(all, [])).toEqual({});
  });
});
