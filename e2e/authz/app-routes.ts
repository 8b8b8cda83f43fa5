import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";

/**
 * What the app serves, read from the source with plain regexes (no parser): pages, route handlers with their
 * exported methods, and server actions (exports of "use server" files). The matrix must name exactly these.
 */
export interface AppRoutes {
  pages: string[];
  routes: string[];
  actions: ActionExport[];
  /** Problems the regexes cannot list safely (inline "use server", re-exports): each fails the listing test. */
  unlisted: string[];
}

/** An action's id in the matrix ("<file under app/>#<export>") and the shape of its arguments. */
export interface ActionExport {
  id: string;
  args: "none" | "form" | "prev+form" | "values";
  arity: number;
}

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** app/(admin)/admin/waves/[id]/page.tsx → /admin/waves/[id]: route groups dropped, dynamic segments kept. */
export function routeOf(file: string) {
  const dirs = file.split(/[\\/]/).slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  return "/" + dirs.join("/");
}

export function listAppRoutes(root: string): AppRoutes {
  const app = join(root, "app");
  // Folders starting with "_" are private (never routes); Next ignores them too.
  const files = (readdirSync(app, { recursive: true }) as string[]).filter((f) => !f.split(sep).some((s) => s.startsWith("_")));
  const out: AppRoutes = { pages: [], routes: [], actions: [], unlisted: [] };
  for (const file of files.sort()) {
    const name = file.split(sep).at(-1)!;
    if (!/\.(tsx?|jsx?)$/.test(name)) continue;
    const source = readFileSync(join(app, file), "utf8");
    if (/^page\.(tsx?|jsx?)$/.test(name)) out.pages.push(routeOf(file));
    if (/^route\.(tsx?|jsx?)$/.test(name)) for (const method of exportedMethods(source)) out.routes.push(`${method} ${routeOf(file)}`);
    const id = file.split(sep).join("/");
    if (/^\s*(?:(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/)\s*)*["']use server["']/.test(source)) {
      if (/export\s*\{|export\s+default|export\s+\*/.test(source)) out.unlisted.push(`${id}: re-exports or default export in a "use server" file`);
      for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)\s*\(([^)]*)\)/g)) out.actions.push(actionExport(`${id}#${m[1]}`, m[2]!));
      for (const m of source.matchAll(/export\s+(?:const|let)\s+(\w+)\s*=/g)) out.unlisted.push(`${id}#${m[1]}: export as a named async function`);
    } else if (/["']use server["']/.test(source)) {
      out.unlisted.push(`${id}: inline "use server" (move the action to an actions file so the matrix can name it)`);
    }
  }
  return out;
}

function exportedMethods(source: string) {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const n of m[1]!.split(",")) found.add(n.split(":").at(-1)!.trim());
  return [...found].filter((n) => methods.includes(n));
}

function actionExport(id: string, params: string): ActionExport {
  const list = params.split(/,(?![^{]*\})/).map((p) => p.trim()).filter(Boolean);
  if (!list.length) return { id, args: "none", arity: 0 };
  if (/FormData/.test(params)) return { id, args: list.length > 1 ? "prev+form" : "form", arity: list.length };
  return { id, args: "values", arity: list.length };
}
