import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIResponse, type BrowserContext } from "@playwright/test";
import { test } from "./actors";
import { listAppRoutes, routeOf, type ActionExport } from "./app-routes";
import { actors, pages, rank, routes, serverActions, type Actor, type ActionRow, type Outcome } from "./matrix";

const root = fileURLToPath(new URL("../../", import.meta.url));
const app = listAppRoutes(root);

interface Seen { status: number; location: string | null; body: string }

/** A stack frame, a module path or a build path in a response: an error escaped to the client. */
const leak = /\n\s+at \S[^\n]*:\d+:\d+|node_modules[\\/]|webpack-internal:|\.next[\w-]*[\\/]server[\\/]/;

function matches(expected: Outcome, seen: Seen, origin: string) {
  if (typeof expected === "number") return seen.status === expected;
  if (expected === "ok") return seen.status === 200 && !seen.location;
  if (expected === "forbidden") return seen.status === 403;
  if (expected === "not-found") return seen.status === 404;
  if (!seen.location) return false;
  const target = expected === "sign-in" ? "/sign-in" : expected === "verify" ? "/verify" : expected.slice("redirect:".length);
  const want = new URL(target, origin);
  const got = new URL(seen.location, origin);
  return got.origin === origin && got.pathname === want.pathname && [...want.searchParams].every(([k, v]) => got.searchParams.get(k) === v);
}

/** Adds a line to `wrong` unless the cell holds: the expected outcome, never a 5xx, never a stack trace. */
function check(wrong: string[], what: string, expected: Outcome, seen: Seen, origin: string) {
  const got = `${seen.status}${seen.location ? ` → ${seen.location}` : ""}`;
  if (seen.status >= 500) wrong.push(`${what}: ${got} (a server error)`);
  else if (leak.test(seen.body)) wrong.push(`${what}: ${got} with a stack trace or build path in the body`);
  else if (!matches(expected, seen, origin)) wrong.push(`${what}: expected ${expected}, got ${got}`);
}

async function seenOf(response: APIResponse, location: string | null): Promise<Seen> {
  return { status: response.status(), location, body: await response.text() };
}

/**
 * The first hop only (maxRedirects 0): the guard's own answer, not the page it sends the actor to. The request shares
 * the actor's browser cookies; POSTs carry the Origin and Fetch Metadata a same-origin fetch from our pages would.
 */
async function visit(context: BrowserContext, origin: string, method: string, path: string, body?: unknown) {
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
function builtActions() {
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

/** Garbage of the right shape: a form action gets a form with one junk field, a value action strings, the rest nothing. */
function garbageArgs(shape: ActionExport): unknown[] {
  if (shape.args === "none") return [];
  if (shape.args === "values") return Array.from({ length: shape.arity }, () => "garbage");
  const form = new FormData();
  form.append("junk", "\u0000'\"<script>--");
  return shape.args === "form" ? [form] : [null, form];
}

async function callAction(context: BrowserContext, origin: string, actionId: string, target: string, shape: ActionExport) {
  const headers = { "next-action": actionId, accept: "text/x-component", origin };
  const body = await encodeReply(garbageArgs(shape));
  const response =
    typeof body === "string"
      ? await context.request.post(target, { headers: { ...headers, "content-type": "text/plain;charset=UTF-8" }, maxRedirects: 0, data: body })
      : await context.request.post(target, { headers, maxRedirects: 0, multipart: body });
  expect(response.headers()["x-nextjs-action-not-found"], `action ${actionId} unknown to the server: stale build?`).toBeUndefined();
  return seenOf(response, response.headers()["x-action-redirect"]?.split(";")[0] ?? null);
}

async function walkActions(rows: ActionRow[], contexts: Record<Actor, BrowserContext>, origin: string) {
  const built = builtActions();
  const shapes = new Map(app.actions.map((a) => [a.id, a]));
  const wrong: string[] = [];
  for (const row of rows) {
    const { actionId, target } = built.get(row.id)!;
    const seen = await Promise.all(actors.map((actor) => callAction(contexts[actor], origin, actionId, target, shapes.get(row.id)!)));
    actors.forEach((actor, i) => check(wrong, `action ${row.id} as ${actor}`, row.cells[actor], seen[i]!, origin));
  }
  return wrong;
}

// --- The tests. One file, so one worker: the staff sign in once, and no test races another for their phones. ---

const difference = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
const duplicates = (a: string[]) => a.filter((x, i) => a.indexOf(x) !== i);

test("every page, route handler and server action has a row, and every row still exists", () => {
  expect(app.unlisted, "sources the listing cannot read").toEqual([]);
  const table = { pages: pages.map((p) => p.route), routes: routes.map((r) => `${r.method} ${r.route}`), actions: serverActions.map((a) => a.id) };
  const listed = { pages: app.pages, routes: app.routes, actions: app.actions.map((a) => a.id) };
  for (const kind of ["pages", "routes", "actions"] as const) {
    expect(difference(listed[kind], table[kind]), `${kind} without a row in e2e/authz/matrix.ts`).toEqual([]);
    expect(difference(table[kind], listed[kind]), `rows in e2e/authz/matrix.ts for ${kind} that no longer exist`).toEqual([]);
    expect(duplicates(table[kind]), `${kind} with two rows`).toEqual([]);
  }
  // Below an action's minimum actor the guard refuses: such a cell can never say the action ran.
  const lax = serverActions.flatMap((a) => actors.filter((actor) => rank(actor) < rank(a.min) && a.cells[actor] === "ok").map((actor) => `${a.id} as ${actor}`));
  expect(lax, "cells below the action's minimum that say ok").toEqual([]);
});

test("the build's server actions are the ones in the matrix", () => {
  expect([...builtActions().keys()].sort()).toEqual(serverActions.map((a) => a.id).sort());
});

/**
 * One test walks every cell: a failed test restarts the worker, and with it the staff sign-ins (codes to their phones),
 * so the walk collects every wrong cell and fails once, listing them all.
 */
test("every actor gets its cell on every page, route handler and server action", async ({ actorContexts, baseURL }) => {
  test.setTimeout(900_000);
  const origin = baseURL!;
  await test.step(`${pages.length} pages × ${actors.length} actors`, async () => {
    const wrong: string[] = [];
    for (const row of pages) {
      const seen = await Promise.all(actors.map((actor) => visit(actorContexts[actor], origin, "GET", row.path)));
      actors.forEach((actor, i) => check(wrong, `GET ${row.path} as ${actor}`, row.cells[actor], seen[i]!, origin));
    }
    expect.soft(wrong, "pages").toEqual([]);
  });

  await test.step(`${routes.length} route handlers × ${actors.length} actors`, async () => {
    const wrong: string[] = [];
    for (const row of routes) {
      const seen = await Promise.all(actors.map((actor) => visit(actorContexts[actor], origin, row.method, row.path, row.body)));
      actors.forEach((actor, i) => check(wrong, `${row.method} ${row.path} as ${actor}`, row.cells[actor], seen[i]!, origin));
    }
    expect.soft(wrong, "route handlers").toEqual([]);
  });

  const signOutId = "(account)/account/actions.ts#signOutAction";
  await test.step(`${serverActions.length - 1} server actions × ${actors.length} actors, with garbage input`, async () => {
    expect.soft(await walkActions(serverActions.filter((a) => a.id !== signOutId), actorContexts, origin), "server actions").toEqual([]);
  });

  // Last: it ends every actor's session, which the next request proves.
  await test.step("signOutAction ends the caller's own session", async () => {
    expect.soft(await walkActions(serverActions.filter((a) => a.id === signOutId), actorContexts, origin), "signOutAction").toEqual([]);
    for (const actor of actors) {
      const seen = await visit(actorContexts[actor], origin, "GET", "/account");
      expect.soft(matches("sign-in", seen, origin), `/account as ${actor} after signing out: ${seen.status} → ${seen.location}`).toBe(true);
    }
  });
});
