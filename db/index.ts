import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** One type for both drivers: the app never knows which Postgres it talks to. */
export type DB = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, as `db.transaction(async (tx) => …)` passes it. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export interface Database {
  db: DB;
  /** Where the staff dashboards read: a replica of `db` (DATABASE_READ_URL), when there is one. */
  reader?: DB;
  driver: "pglite" | "postgres";
  url?: string;
  close: () => Promise<void>;
}

export function openPostgres(url: string): Database {
  const client = preparingStatements(
    postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connect_timeout: 5,
      onnotice: () => {},
    }),
  );
  const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as DB;
  return { db, driver: "postgres", url, close: () => client.end({ timeout: 5 }) };
}

/** `dataDir` undefined = in memory (tests). PGlite has no inter-process lock: one process per folder. */
export function openPglite(dataDir?: string): Database {
  if (dataDir) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const client = new PGlite(dataDir ? resolve(dataDir) : undefined);
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as DB;
  return { db, driver: "pglite", close: () => client.close() };
}

export function openDatabase(): Database {
  const { DATABASE_URL, DATABASE_READ_URL, DATA_DIR } = env();
  if (!DATABASE_URL) return openPglite(DATA_DIR);
  const primary = openPostgres(DATABASE_URL);
  return DATABASE_READ_URL ? withReader(primary, openPostgres(DATABASE_READ_URL)) : primary;
}

/** `primary` with `replica` as the place dashboards read; closing it closes both. */
export function withReader(primary: Database, replica: Database): Database {
  return { ...primary, reader: replica.db, close: () => Promise.all([primary.close(), replica.close()]).then(() => {}) };
}

// Kept on globalThis so dev hot reload reuses one connection pool (and one PGlite).
const globalForDb = globalThis as unknown as { stepwiseDb?: Database };

export function database(): Database {
  return (globalForDb.stepwiseDb ??= openDatabase());
}

/** Tests and scripts point the app's code at a database they opened themselves. */
export function useDatabase(value: Database | undefined) {
  globalForDb.stepwiseDb = value;
}

/** A Drizzle handle resolved on every use, so importing a module never opens the database. */
function lazyHandle(resolve: () => DB): DB {
  return new Proxy({} as DB, {
    get(_target, property) {
      const real = resolve();
      const value = Reflect.get(real, property, real);
      return typeof value === "function" ? value.bind(real) : value;
    },
  });
}

/** The app's Drizzle handle: the primary, for every read and write. */
export const db: DB = lazyHandle(() => database().db);

/**
 * The staff dashboards' reads (rollups, gauges, the country table), which may lag the primary by the replication
 * delay: the replica at DATABASE_READ_URL, else the primary. Nothing that must read its own writes goes here —
 * sessions, limits, codes, step-ups, rollout state, guardrails.
 */
export const dashboardDb: DB = lazyHandle(() => {
  const { db: primary, reader } = database();
  return reader ?? primary;
});

export { schema };

type Unsafe = postgres.Sql["unsafe"];

/**
 * Drizzle asks postgres.js for an unnamed statement every time, which postgres.js sends as a Parse and Describe, waits
 * for the parameter types, then parses and runs it: two round trips and two parses per query with parameters. Named
 * statements are parsed once per connection and afterwards only bound and run. (Queries without parameters go as
 * simple queries either way.) Transactions and savepoints hand out their own handles, so those are wrapped too. A
 * pooler in front of PostgreSQL must keep prepared statements working: PgBouncer ≥ 1.21 in transaction mode does.
 */
function preparingStatements<T extends { unsafe: Unsafe }>(sql: T): T {
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, ...rest: [unknown[]?, object?]) => {
    const [args, options] = rest;
    // unsafe(query, options) and calls without parameters pass through as they came.
    return Array.isArray(args) && args.length ? unsafe(query, args as never, { ...options, prepare: true }) : unsafe(query, ...(rest as [never]));
  }) as Unsafe;
  for (const scope of ["begin", "savepoint"] as const) {
    const open = (sql as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[scope];
    if (!open) continue;
    (sql as unknown as Record<string, unknown>)[scope] = (...a: unknown[]) => {
      const body = a.pop() as (inner: T) => unknown;
      return open(...a, (inner: T) => body(preparingStatements(inner)));
    };
  }
  return sql;
}
