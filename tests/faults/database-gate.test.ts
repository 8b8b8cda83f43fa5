import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseAnswering, probeReuseMs, resetDatabaseGate } from "@/db/availability";
import { openPglite, openPostgres, useDatabase as pointAppAt } from "@/db";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch as routedThroughProxy } from "next/experimental/testing/server";
import { config, proxy } from "@/proxy";
import { apiBodyLimitBytes } from "@/lib/layout/api-route";

// The proxy's gate (proxy.ts): while PostgreSQL is away, pages and actions get a 503 at once instead of hanging.
// Probes are injected here (a fake clock and a fake answer); the real probe runs in postgres-restart.test.ts' world.

/** Every API route module but /api/health (it probes the database itself), as paths from the project's root. */
const apiRouteFiles = () =>
  readdirSync("app/api", { recursive: true, encoding: "utf8" })
    .filter((file) => /^route\.(ts|tsx|js)$/.test(basename(file)) && !file.startsWith(join("health", "route.")))
    .map((file) => join("app", "api", file));
const routeModule = (file: string) => import(/* @vite-ignore */ `@/${file.replace(/\.(ts|tsx|js)$/, "")}`) as Promise<Record<string, unknown>>;

describe("databaseAnswering", () => {
  afterEach(() => {
    pointAppAt(undefined);
    resetDatabaseGate();
  });

  // The gate only guards a PostgreSQL server: point the app at one (never connected: the probe is injected).
  const withServer = () => pointAppAt(openPostgres("postgres://nobody@127.0.0.1:1/none"));

  it("probes at most once a second and shares one probe among concurrent requests", async () => {
    withServer();
    let probes = 0;
    const probe = async () => (probes++, true);
    const t0 = 1_000_000;
    expect(await Promise.all([databaseAnswering({ now: t0, probe }), databaseAnswering({ now: t0, probe })])).toEqual([true, true]);
    expect(await databaseAnswering({ now: t0 + probeReuseMs - 1, probe })).toBe(true);
    expect(probes).toBe(1);
    await databaseAnswering({ now: t0 + probeReuseMs, probe });
    expect(probes).toBe(2);
  });

  it("refuses at once while the last probe failed, and lets requests through once one succeeds", async () => {
    withServer();
    let up = false;
    const probe = async () => up;
    const t0 = 2_000_000;
    expect(await databaseAnswering({ now: t0, probe })).toBe(false);
    up = true;
    expect(await databaseAnswering({ now: t0 + 10, probe }), "within the second: the failed answer stands").toBe(false);
    expect(await databaseAnswering({ now: t0 + probeReuseMs, probe })).toBe(true);
  });

  it("never stops an embedded PGlite (it lives in this process)", async () => {
    const embedded = openPglite();
    pointAppAt(embedded);
    expect(await databaseAnswering({ probe: async () => false })).toBe(true);
    await embedded.close();
  });

  it("the proxy answers pages with a 503 page, at once, while the server is away", async () => {
    // Nothing listens on port 1: the real probe fails at once (connection refused), as for a stopped server.
    withServer();
    const page = await proxy(new NextRequest("http://localhost/account"));
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("retry-after")).toBe("5");
  });

  it("every API route but the health check answers a 503 JSON body at once while the server is away", async () => {
    withServer();
    const routes = apiRouteFiles();
    expect(routes.length, "the API routes were found").toBeGreaterThan(5);
    for (const file of routes) {
      const handlers = await routeModule(file);
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => typeof handlers[method] === "function");
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) {
        const handler = handlers[method] as (request: Request, context: unknown) => Promise<Response>;
        const request = new NextRequest("http://localhost/api/x", { method, headers: { origin: "http://localhost" } });
        const answer = await handler(request, { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000", query: "x", nextauth: ["session"] }) });
        expect(answer.status, `${method} ${file}`).toBe(503);
        expect(await answer.json(), `${method} ${file}`).toEqual({ error: expect.stringContaining("temporarily unavailable") });
        expect(answer.headers.get("retry-after")).toBe("5");
      }
    }
  });

  it("writes the 503 page and the 413 answer in the visitor's language, chosen without the database", async () => {
    withServer();
    const french = await proxy(new NextRequest("http://localhost/account", { headers: { cookie: "locale=fr", "accept-language": "de" } }));
    const html = await french.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<h1 style=\"font-size:1.5rem\">Stepwise est temporairement indisponible</h1>");
    const german = await proxy(new NextRequest("http://localhost/account", { headers: { "accept-language": "de-AT,de;q=0.9,en;q=0.5" } }));
    expect(await german.text()).toContain("Erneut versuchen");
    const unknown = await proxy(new NextRequest("http://localhost/account", { headers: { cookie: "locale=xx", "accept-language": "sv" } }));
    expect(await unknown.text()).toContain('<html lang="en">');

    const big = new NextRequest("http://localhost/account", { method: "POST", headers: { "next-action": "x", "content-length": String(2 * 1024 * 1024), "accept-language": "ja" } });
    const tooLarge = await proxy(big);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toBe("このリクエストは大きすぎます。");
  });

  it("every API route refuses a body over the limit, or one sent without a length, before reading it", async () => {
    // The database is up (PGlite): only the size decides.
    const embedded = openPglite();
    pointAppAt(embedded);
    const routes = apiRouteFiles();
    let posts = 0;
    for (const file of routes) {
      const handlers = await routeModule(file);
      if (typeof handlers.POST !== "function") continue;
      posts++;
      const handler = handlers.POST as (request: Request, context: unknown) => Promise<Response>;
      const context = { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000", query: "x", nextauth: ["callback", "credentials"] }) };
      const body = "A".repeat(apiBodyLimitBytes + 1);
      const big = new NextRequest("http://localhost/api/x", { method: "POST", body, headers: { origin: "http://localhost", "content-length": String(body.length) } });
      const chunked = new NextRequest("http://localhost/api/x", { method: "POST", headers: { origin: "http://localhost", "transfer-encoding": "chunked" } });
      for (const request of [big, chunked]) {
        const answer = await handler(request, context);
        expect(answer.status, file).toBe(413);
        expect(await answer.json()).toEqual({ error: "That request is too large." });
      }
      // Refused on its headers alone: the handler never read it.
      expect(big.bodyUsed, file).toBe(false);
    }
    expect(posts, "routes that take a body were found").toBeGreaterThan(3);
    await embedded.close();
  });

  it("routes every page through the proxy, and neither API routes (they gate themselves) nor static files", () => {
    const through = (url: string) => routedThroughProxy({ config, url });
    for (const url of ["/", "/sign-in", "/account/security", "/admin", "/verify", "/apiary"]) expect(through(url), url).toBe(true);
    for (const url of ["/api/health", "/api/verify", "/api/auth/session", "/api/v1/me", "/_next/static/chunks/app.js", "/favicon.ico"]) {
      expect(through(url), url).toBe(false);
    }
  });
});
