import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
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

  it("answers 503 with a one-line reason (no stack, no password) when the database is down", async () => {
    database = openPostgres("postgres://app:s3cret@127.0.0.1:1/stepwise");
    useDatabase(database);
    const res = await GET();
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ app: "ok", database: { status: "unavailable" } });
    expect(text).toMatch(/connection refused/);
    expect(text).not.toMatch(/s3cret|\bat .*\(|node_modules/);
  });
});
