import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { openPglite, openPostgres, useDatabase, type Database } from "@/db";

describe("GET /api/health", () => {
  let database: Database | undefined;
  afterEach(async () => {
    useDatabase(undefined);
    await database?.close();
    database = undefined;
  });

  it("answers 200 with the database status when the database answers", async () => {
    database = openPglite();
    useDatabase(database);
    // Starting WASM Postgres can take longer than the route's 2 s budget on a loaded machine: start it first.
    await database.db.execute(sql`select 1`);
    const res = await GET();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { status: "ok", driver: "pglite" } });
  });

  it("answers 503 with the kind of failure, naming nothing of the database, and logs where it tried", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://app:s3cret@127.0.0.1:1/stepwise");
    database = openPostgres(process.env.DATABASE_URL!);
    useDatabase(database);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await GET();
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ status: "degraded", app: "ok", database: { status: "unavailable", reason: "connection refused" } });
    expect(text).not.toMatch(/s3cret|127\.0\.0\.1|stepwise|\bat .*\(|node_modules/);
    // The operator's line names the server (never the password), once while the failure stays the same.
    await GET();
    expect(logged.mock.calls).toEqual([["[health] Cannot reach PostgreSQL at 127.0.0.1:1/stepwise: connection refused. Is the server running? Check DATABASE_URL."]]);
    logged.mockRestore();
  });
});
