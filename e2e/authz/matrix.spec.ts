import { expect, type BrowserContext } from "@playwright/test";
import { axeViolations } from "../accessibility";
import { test } from "./actors";
import { listAppRoutes, type ActionExport } from "./app-routes";
import { builtActions, callAction, leak, root, visit, type Seen } from "./calls";
import { actors, pages, rank, routes, serverActions, type Actor, type ActionRow, type Outcome } from "./matrix";

const app = listAppRoutes(root);

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

/** Garbage of the right shape: a form action gets a form with one junk field, a value action strings, the rest nothing. */
function garbageArgs(shape: ActionExport): unknown[] {
  if (shape.args === "none") return [];
  if (shape.args === "values") return Array.from({ length: shape.arity }, () => "garbage");
  const form = new FormData();
  form.append("junk", "\u0000'\"<script>--");
  return shape.args === "form" ? [form] : [null, form];
}

async function walkActions(rows: ActionRow[], contexts: Record<Actor, BrowserContext>, origin: string) {
  const built = builtActions();
  const shapes = new Map(app.actions.map((a) => [a.id, a]));
  const wrong: string[] = [];
  for (const row of rows) {
    const { actionId, target } = built.get(row.id)!;
    const seen = await Promise.all(actors.map((actor) => callAction(contexts[actor], origin, actionId, target, garbageArgs(shapes.get(row.id)!))));
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
 * Axe on every page, as each kind of actor it renders for: the first of anonymous, pending and holder that gets "ok",
 * and admin (who sees every staff control) too when the page renders for staff. Flows reach the pages' other states
 * (wizard steps, step-up prompts, codes shown once) and check those in their own specs.
 */
test("every page passes axe's WCAG 2.2 A/AA rules for the actors it renders for", async ({ actorContexts }) => {
  test.setTimeout(600_000);
  const wrong: string[] = [];
  for (const row of pages) {
    const viewers = [actors.slice(0, 3).find((actor) => row.cells[actor] === "ok"), row.cells.admin === "ok" ? "admin" : undefined];
    for (const actor of new Set(viewers.filter((a): a is Actor => a !== undefined))) {
      const page = await actorContexts[actor].newPage();
      // "load", not "networkidle": the dashboard, inbox and code prompts poll for as long as they are open.
      const response = await page.goto(row.path);
      expect.soft(response?.status(), `GET ${row.path} as ${actor}`).toBe(200);
      for (const violation of await axeViolations(page)) wrong.push(`${row.path} as ${actor}: ${violation}`);
      await page.close();
    }
  }
  expect(wrong).toEqual([]);
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
