import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    app: "ok",
    database: { status: "ok", driver: process.env.DATABASE_URL ? "postgres" : "pglite" },
  });
  expect(body.database.latencyMs).toEqual(expect.any(Number));
});

// scripts/server-limits.ts: the instance must close an idle connection after nginx (60 s) and clients do, not before,
// or a request sent as it closes is reset. Node's default advertises 5 s.
test("idle connections are kept 65 s, longer than nginx's 60 s upstream keep-alive", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["keep-alive"]).toBe("timeout=65");
});
