import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openPglite, openPostgres, useDatabase, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import "./global-setup"; // the ProvidedContext type

export interface TestDatabaseOptions {
  /** false (default): empty schema · "countries": countries + waves · "demo": also the demo accounts. */
  seed?: false | "countries" | "demo";
}

export interface TestDatabase {
  /** The database opened for this file (throws before beforeAll has run). */
  (): Database;
  /** "pglite" or "postgres", known before beforeAll (for it.runIf). */
  readonly driver: Database["driver"];
  /** A second, independent connection to the same database (PostgreSQL only); closed in afterAll. */
  connectAgain: () => Database;
}

/**
 * Call at the top of a test file. Opens a fresh database for the file:
 * - default: PGlite through the app's openPglite(), on a private copy of the migrated template folder made by
 *   tests/helpers/global-setup.ts (in memory when no template was provided);
 * - TEST_DATABASE_URL set: a brand-new, uniquely named database on that PostgreSQL server, dropped afterwards.
 * Then runs the migrations (a no-op on the template copy), optionally seeds, and points the app's `db` proxy at it.
 */
export function setupTestDatabase({ seed = false }: TestDatabaseOptions = {}): TestDatabase {
  const serverUrl = process.env.TEST_DATABASE_URL || undefined;
  let current: Database | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];
  const extra: Database[] = [];

  beforeAll(async () => {
    if (serverUrl) {
      const name = `stepwise_test_${process.pid}_${randomBytes(6).toString("hex")}`;
      await onServer(serverUrl, (sql) => sql.unsafe(`create database "${name}"`));
      cleanups.push(() => onServer(serverUrl, (sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)));
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      current = openPostgres(url.toString());
    } else {
      const template = inject("pgliteTemplateDir");
      if (template) {
        const root = mkdtempSync(join(tmpdir(), "stepwise-pglite-test-"));
        cleanups.push(() => rmSync(root, { recursive: true, force: true }));
        cpSync(template, join(root, "data"), { recursive: true });
        current = openPglite(join(root, "data"));
      } else {
        current = openPglite();
      }
    }
    await migrateDatabase(current);
    if (seed) await seedDatabase(current.db, { demo: seed === "demo" });
    useDatabase(current);
  });

  afterAll(async () => {
    useDatabase(undefined);
    for (const other of extra.splice(0)) await other.close();
    await current?.close();
    current = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const accessor = (() => {
    if (!current) throw new Error("setupTestDatabase: the database opens in beforeAll");
    return current;
  }) as TestDatabase;
  Object.defineProperty(accessor, "driver", { value: serverUrl ? "postgres" : "pglite" });
  accessor.connectAgain = () => {
    const first = accessor();
    if (first.driver !== "postgres" || !first.url) throw new Error("connectAgain needs PostgreSQL (TEST_DATABASE_URL)");
    const other = openPostgres(first.url);
    extra.push(other);
    return other;
  };
  return accessor;
}

async function onServer(url: string, run: (sql: postgres.Sql) => Promise<unknown>) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
