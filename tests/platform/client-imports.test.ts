import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// What no browser bundle may carry: the database and hashing libraries would not even run there, and the validation
// library is ~30 kB gzip of first-load JS (it reached /admin once through one constant a client component imported).
const serverOnly = ["zod", "drizzle-orm", "postgres", "@electric-sql/pglite", "argon2", "@node-rs/argon2", "next-auth", "server-only"];

const root = resolve(__dirname, "../..");
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(root, dir, f));

/** Value imports and re-exports of a module (type-only ones never reach a bundle). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? join(root, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Server-only packages a client module reaches through its static imports, with the path that reaches each. */
function serverOnlyReach(entry: string) {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, path: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A client module gets only references to server actions: their imports stay on the server.
    if (file !== entry && /^\s*["']use server["']/.test(readFileSync(file, "utf8"))) return;
    for (const specifier of importsOf(file)) {
      const local = resolveLocal(file, specifier);
      if (local) walk(local, [...path, relative(root, local)]);
      else if (serverOnly.some((p) => specifier === p || specifier.startsWith(`${p}/`))) found.push(`${[...path, specifier].join(" → ")}`);
    }
  };
  walk(entry, [relative(root, entry)]);
  return found;
}

describe("client components", () => {
  const clientFiles = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));

  it("are found (the scan reads the source tree)", () => {
    expect(clientFiles.length).toBeGreaterThan(20);
  });

  it("import nothing that pulls a server-only library into the browser", () => {
    expect(clientFiles.flatMap(serverOnlyReach)).toEqual([]);
  });
});
