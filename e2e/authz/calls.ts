import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIResponse, type BrowserContext } from "@playwright/test";
import { routeOf } from "./app-routes";
import { pages } from "./matrix";

/** How the authorization matrix and the fuzzer reach the app: pages and route handlers by URL, server actions by id. */

export const root = fileURLToPath(new URL("../../", import.meta.url));

export interface Seen { status: number; location: string | null; body: string }

/** A stack frame, a module path or a build path in a response: an error escaped to the client. */
export const leak = /\n\s+at \S[^\n]*:\d+:\d+|node_modules[\\/]|webpack-internal:|\.next[\w-]*[\\/]server[\\/]/;

export async function seenOf(response: APIResponse, location: string | null): Promise<Seen> {
  return { status: response.status(), location, body: await response.text() };
}

/**
 * The first hop only (maxRedirects 0): the guard's own answer, not the page it sends the actor to. The request shares
 * the actor's browser cookies; POSTs carry the Origin and Fetch Metadata a same-origin fetch from our pages would.
 */
export async function visit(context: BrowserContext, origin: string, method: string, path: string, body?: unknown) {
  const response = await context.request.fetch(path, {
    method,
    maxRedirects: 0,
    headers: method === "GET" ? { accept: "text/html,application/json;q=0.9,*/*;q=0.8" } : { origin, "sec-fetch-site": "same-origin" },
    data: body,
  });
  return seenOf(response, response.status() >= 300 && response.status() < 400 ? (response.headers().location ?? null) : null);
}

// --- Server actions: ids from the build, called the way the client calls them (Next-Action + React's reply encoding) ---

const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const manifestPath = join(root, distDir, "server", "server-reference-manifest.json");

interface ManifestEntry { filename?: string; exportedName?: string; workers: Record<string, unknown> }

/** "<file under app/>#<export>" → the build's action id and a page whose bundle holds it (actions are POSTed there). */
export function builtActions() {
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: build first (NEXT_DIST_DIR=${distDir} npx next build)`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  const samples = new Map(pages.map((p) => [p.route, p.path]));
  const built = new Map<string, { actionId: string; target: string }>();
  for (const [actionId, entry] of Object.entries(manifest.node)) {
    if (!entry.filename?.startsWith("app/") || !entry.exportedName) continue;
    const target = Object.keys(entry.workers)
      .map((worker) => samples.get(routeOf(worker.replace(/^app\//, "") + ".tsx")))
      .find((path) => path !== undefined);
    built.set(`${entry.filename.slice("app/".length)}#${entry.exportedName}`, { actionId, target: target ?? "/" });
  }
  return built;
}

/**
 * Arguments encoded by React's own encodeReply, the copy Next bundles (Turbopack builds), so the body is exactly what
 * the browser would send. For a FormData argument that is multipart; otherwise a JSON text body.
 */
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.edge") as { encodeReply: (args: unknown[]) => Promise<string | FormData> };

export async function callAction(context: BrowserContext, origin: string, actionId: string, target: string, args: unknown[]) {
  const headers = { "next-action": actionId, accept: "text/x-component", origin };
  const body = await encodeReply(args);
  const response =
    typeof body === "string"
      ? await context.request.post(target, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, maxRedirects: 0, data: body })
      : await context.request.post(target, { headers, maxRedirects: 0, multipart: body });
  expect(response.headers()["x-nextjs-action-not-found"], `action ${actionId} unknown to the server: stale build?`).toBeUndefined();
  return seenOf(response, response.headers()["x-action-redirect"]?.split(";")[0] ?? null);
}
