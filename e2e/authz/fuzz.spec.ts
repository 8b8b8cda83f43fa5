import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type BrowserContext } from "@playwright/test";
import fc from "fast-check";
import { test } from "./actors";
import { listAppRoutes, type ActionExport } from "./app-routes";
import { builtActions, callAction, leak, root, seenOf, visit, type Seen } from "./calls";
import { pages, rank, serverActions, type Actor } from "./matrix";

/**
 * Property-based fuzzing (issue 7): hostile input to every server action, route handler and page, as the actors who
 * get past each guard. Properties: never a 5xx, never a stack trace, build path or SQL in the answer, and the
 * tables only accepted input may change are unchanged afterwards (nothing here is valid, so everything is refused).
 * FUZZ_CASES sets the total (default 10 000); FUZZ_SEED replays a run.
 */
const totalCases = Number(process.env.FUZZ_CASES ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

// Ten thousand requests, some of a megabyte: a trace of them takes minutes to write and says less than the seed.
test.use({ trace: "off", screenshot: "off" });

/** A database error that reached the client: the query, the driver's message or its class. */
const sqlLeak = /Failed query:|syntax error at or near|violates [\w ]*constraint|relation "[^"]+" does not exist|invalid input syntax for type|column "[^"]+" does not exist|PostgresError|DrizzleQueryError/i;

// --- What to send ---

/** Every form field the app reads (formData.get/getAll and field-name lists), scanned from app/ and lib/. */
function formFieldNames() {
  const names = new Set<string>();
  for (const dir of ["app", "lib"]) {
    for (const file of readdirSync(join(root, dir), { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(file)) continue;
      for (const line of readFileSync(join(root, dir, file), "utf8").split("\n")) {
        if (!line.includes("formData")) continue;
        for (const m of line.matchAll(/formData\.(?:get|getAll|has)\(\s*"(\w+)"/g)) names.add(m[1]!);
        for (const list of line.matchAll(/\[((?:\s*"\w+"\s*,?)+)\]/g)) for (const m of list[1]!.matchAll(/"(\w+)"/g)) names.add(m[1]!);
      }
    }
  }
  return [...names].sort();
}

const injections = [
  "' OR '1'='1", "'; drop table users; --", "\" OR 1=1 --", "1; select pg_sleep(5)", "$$; select 1; $$", "\\x00", "%00", "\u0000",
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}", "#{7*7}",
  "../../../../etc/passwd", "//evil.example/", "https://evil.example/", "\\\\evil.example\\share", "__proto__", "constructor",
  "{\"__proto__\":{\"admin\":true}}", "NaN", "Infinity", "-1", "0", "1e309", "9".repeat(40), "null", "undefined", "true", "[]", "{}",
  "\u202e\u0645\u0631\u062d\u0628\u0627", "𝕳𝖊𝖑𝖑𝖔", "ß".repeat(300), "\r\n\r\nHTTP/1.1 200 OK", "a\u0008b\u001bc\u007fd",
];

/** One hostile value: control characters and any code point, injection payloads, numbers' edge cases, huge strings. */
const hostile = fc.oneof(
  { weight: 40, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 30, arbitrary: fc.constantFrom(...injections) },
  { weight: 10, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  { weight: 10, arbitrary: fc.oneof(fc.uuid(), fc.emailAddress(), fc.stringMatching(/^\d{6}$/), fc.ipV6()) },
  { weight: 9, arbitrary: fc.tuple(fc.constantFrom("A", "é", "\u0000", "𝕏", "'"), fc.integer({ min: 1_000, max: 64_000 })).map(([c, n]) => c.repeat(Math.ceil(n / c.length))) },
  // Past Next's 1 MB body limit for server actions: rare, as each is a megabyte on the wire.
  { weight: 1, arbitrary: fc.constant("A".repeat(1_100_000)) },
);

/** A form: the app's own field names and junk ones, each with one or more hostile values, sometimes a file. */
function hostileForm(fields: string[]) {
  const value = fc.oneof({ weight: 9, arbitrary: hostile }, { weight: 1, arbitrary: hostile.map((s) => new Blob([s], { type: "application/octet-stream" })) });
  const entry = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), value);
  return fc.array(entry, { maxLength: 10 }).map((entries) => {
    const form = new FormData();
    for (const [name, v] of entries) form.append(name, v);
    return form;
  });
}

/** Wrong types where the action expects values: JSON of any shape, hostile strings, nothing at all. */
const anyValue = fc.oneof(hostile, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(undefined, null, true, 0, -1, [], {}));

function actionArgs(shape: ActionExport, fields: string[]): fc.Arbitrary<unknown[]> {
  const values = fc.array(anyValue, { maxLength: Math.max(2, shape.arity + 1) });
  if (shape.args === "values" || shape.args === "none") return values;
  // The previous state of useActionState comes from the client too: it must not be trusted either.
  const form = shape.args === "form" ? hostileForm(fields).map((f) => [f]) : fc.tuple(anyValue, hostileForm(fields)).map(([prev, f]) => [prev, f]);
  // A client need not send a form at all where the action reads one: values, or nothing, in its place.
  return fc.oneof({ weight: 4, arbitrary: form }, { weight: 1, arbitrary: values });
}

const segment = hostile.map((s) => encodeURIComponent(s.slice(0, 2_000)));
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "from", "to", "wave", "country", "action", "next", "token", "error", "callbackUrl", "id", "page", "sort"), fc.string({ maxLength: 8 })), hostile), { maxLength: 5 })
  .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k, v.slice(0, 4_000)])).toString());
const jsonBody = fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), hostile);
const basicAuth = fc.oneof(
  fc.tuple(hostile, hostile).map(([user, password]) => `Basic ${Buffer.from(`${user.slice(0, 200)}:${password.slice(0, 200)}`).toString("base64")}`),
  hostile.map((s) => s.slice(0, 4_000).replace(/[^\x20-\x7e]/g, "")),
);

// --- Targets: each one request shape, the actor who sends it, and how many cases it gets ---

interface Target { name: string; actor: Actor; send: (context: BrowserContext, origin: string) => fc.Arbitrary<() => Promise<Seen>> }

function actionTargets(): Target[] {
  const built = builtActions();
  const fields = formFieldNames();
  const shapes = new Map(listAppRoutes(root).actions.map((a) => [a.id, a]));
  return serverActions
    // Signing out ends the actor's session, which the other targets need; it reads no input.
    .filter((row) => row.id !== "(account)/account/actions.ts#signOutAction")
    .flatMap((row) => {
      // Past the guard: its minimum actor, and for account actions also a staff account, which has 2SV on.
      const senders: Actor[] = row.min === "holder" ? ["holder", "admin"] : rank(row.min) > rank("holder") ? ["admin"] : [row.min];
      const { actionId, target } = built.get(row.id)!;
      return senders.map((actor) => ({
        name: `action ${row.id} as ${actor}`,
        actor,
        send: (context: BrowserContext, origin: string) => actionArgs(shapes.get(row.id)!, fields).map((args) => () => callAction(context, origin, actionId, target, args)),
      }));
    });
}

/** Route handlers with hostile paths, queries, bodies and credentials. The e2e-only test hooks are not the product. */
const routeTargets: Target[] = [
  { name: "GET /api/health", actor: "anonymous", send: (c) => query.map((q) => () => visit(c, "", "GET", `/api/health?${q}`)) },
  { name: "GET /api/availability", actor: "anonymous", send: (c) => query.map((q) => () => visit(c, "", "GET", `/api/availability?${q}`)) },
  { name: "GET /api/auth/[...nextauth]", actor: "anonymous", send: (c) => fc.tuple(segment, query).map(([s, q]) => () => visit(c, "", "GET", `/api/auth/${s}?${q}`)) },
  {
    name: "POST /api/auth/[...nextauth]",
    actor: "anonymous",
    send: (c, origin) => fc.tuple(fc.constantFrom("callback/credentials", "signin/credentials", "signout", "session", "csrf"), hostileForm(["csrfToken", "email", "password", "callbackUrl", "redirect"]))
      .map(([path, form]) => () => postForm(c, origin, `/api/auth/${path}`, form)),
  },
  { name: "GET /api/challenges/[id]", actor: "pending", send: (c) => segment.map((s) => () => visit(c, "", "GET", `/api/challenges/${s}`)) },
  { name: "GET /api/device-prompts", actor: "admin", send: (c) => query.map((q) => () => visit(c, "", "GET", `/api/device-prompts?${q}`)) },
  { name: "POST /api/device-prompts/[id]/deny", actor: "admin", send: (c, origin) => fc.tuple(segment, jsonBody).map(([s, body]) => () => visit(c, origin, "POST", `/api/device-prompts/${s}/deny`, body)) },
  {
    name: "POST /api/verify",
    actor: "pending",
    send: (c, origin) => hostileForm(["method", "code", "challengeId", "passkeyResponse", "trustBrowser", "callbackUrl"]).map((form) => () => postForm(c, origin, "/api/verify", form)),
  },
  { name: "GET /api/v1/me", actor: "anonymous", send: (c) => basicAuth.map((authorization) => () => visitWith(c, "/api/v1/me", { authorization })) },
  { name: "POST /api/webauthn/authenticate as pending", actor: "pending", send: (c, origin) => jsonBody.map((body) => () => visit(c, origin, "POST", "/api/webauthn/authenticate", body)) },
  { name: "POST /api/webauthn/authenticate as admin", actor: "admin", send: (c, origin) => jsonBody.map((body) => () => visit(c, origin, "POST", "/api/webauthn/authenticate", body)) },
];

/** Every page with hostile query values and dynamic segments, as an actor it renders for. */
const pageTargets: Target[] = pages.map((row) => {
  const actor = (["anonymous", "pending", "holder", "admin"] as const).find((a) => row.cells[a] === "ok") ?? "admin";
  const route = row.route;
  return {
    name: `page ${route} as ${actor}`,
    actor,
    send: (c) => fc.tuple(fc.array(segment, { minLength: 3, maxLength: 3 }), query).map(([segs, q]) => {
      let i = 0;
      const path = route.replace(/\[[^\]]+\]/g, () => segs[i++]!);
      return () => visit(c, "", "GET", `${path}?${q}`);
    }),
  };
});

async function postForm(context: BrowserContext, origin: string, path: string, form: FormData) {
  const response = await context.request.post(path, { headers: { origin }, multipart: form, maxRedirects: 0 });
  return seenOf(response, response.headers().location ?? null);
}

async function visitWith(context: BrowserContext, path: string, headers: Record<string, string>) {
  const response = await context.request.get(path, { headers, maxRedirects: 0 });
  return seenOf(response, response.headers().location ?? null);
}

/** Why an answer fails the properties, or null when it holds them. */
function fault(seen: Seen) {
  if (seen.status >= 500) return `HTTP ${seen.status}: ${seen.body.slice(0, 300)}`;
  const escaped = leak.exec(seen.body) ?? sqlLeak.exec(seen.body);
  return escaped ? `leaked "${escaped[0]}" in: …${seen.body.slice(Math.max(0, escaped.index - 150), escaped.index + 150)}…` : null;
}

async function fingerprint(context: BrowserContext) {
  const response = await context.request.get("/api/test/fingerprint");
  expect(response.status(), "test hook fingerprint (is STEPWISE_TEST_HOOKS=1 set?)").toBe(200);
  return (await response.json()) as Record<string, string>;
}

test("hostile input to every server action, route handler and page: no 5xx, no leak, nothing changed", async ({ actorContexts, baseURL }) => {
  test.setTimeout(1_500_000);
  const origin = baseURL!;
  const targets = [...actionTargets(), ...routeTargets, ...pageTargets];
  const runsEach = Math.ceil(totalCases / targets.length);
  const before = await fingerprint(actorContexts.anonymous);
  const wrong: string[] = [];
  let sent = 0;
  const timings: [string, number][] = [];

  // Two lanes: the server has two cores, and one request at a time would leave one idle.
  const queue = [...targets];
  const lane = async () => {
    for (let target = queue.shift(); target; target = queue.shift()) {
      const context = actorContexts[target.actor];
      const property = fc.asyncProperty(target.send(context, origin), async (request) => {
        sent++;
        const problem = fault(await request());
        if (problem) throw new Error(problem);
      });
      const started = Date.now();
      const details = await fc.check(property, { numRuns: runsEach, seed, endOnFailure: true });
      timings.push([target.name, Date.now() - started]);
      if (details.failed) wrong.push(`${target.name} (seed ${seed}, path ${details.counterexamplePath}): ${String(details.errorInstance).slice(0, 600)}`);
    }
  };
  await Promise.all([lane(), lane()]);

  console.log(`fuzz: ${sent} cases over ${targets.length} targets (seed ${seed})`);
  if (process.env.FUZZ_TIMINGS) console.log(timings.sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, ms]) => `${ms} ms ${n}`).join("\n"));
  expect.soft(wrong, "answers that broke a property").toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(totalCases);
  expect(await fingerprint(actorContexts.anonymous), "tables only accepted input may change").toEqual(before);
});
