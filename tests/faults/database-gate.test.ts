import { afterEach, describe, expect, it } from "vitest";
import { databaseAnswering, probeReuseMs, resetDatabaseGate } from "@/db/availability";
import { openPglite, openPostgres, useDatabase as pointAppAt } from "@/db";
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch as routedThroughProxy } from "next/experimental/testing/server";
import { config, proxy } from "@/proxy";

// The proxy's gate (proxy.ts): while PostgreSQL is away, pages and actions get a 503 at once instead of hanging.
// Probes are injected here (a fake clock and a fake answer); the real probe runs in postgres-restart.test.ts' world.

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

  it("the proxy answers pages with a 503 page and API routes with a 503 JSON body, at once, while the server is away", async () => {
    // Nothing listens on port 1: the real probe fails at once (connection refused), as for a stopped server.
    withServer();
    const page = await proxy(new NextRequest("http://localhost/account"));
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("retry-after")).toBe("5");
    const api = await proxy(new NextRequest("http://localhost/api/availability?country=FR"));
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({ error: expect.stringContaining("temporarily unavailable") });
    expect(api.headers.get("retry-after")).toBe("5");
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

  it("routes every page and API route through the proxy, except the health check (it probes for itself) and static files", () => {
    const through = (url: string) => routedThroughProxy({ config, url });
    for (const url of ["/", "/sign-in", "/account/security", "/admin", "/api/availability", "/api/device-prompts", "/api/auth/session", "/api/v1/me"]) {
      expect(through(url), url).toBe(true);
    }
    for (const url of ["/api/health", "/_next/static/chunks/app.js", "/favicon.ico"]) expect(through(url), url).toBe(false);
  });
});
