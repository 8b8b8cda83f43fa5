import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openPglite, openPostgres, useDatabase, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";

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
 * Call at the top of a test file. Opens a fresh database per file: in-memory PGlite by default, or — when
 * TEST_DATABASE_URL is set — a brand-new, uniquely named database on that PostgreSQL server, dropped afterwards.
 * Migrates it and points the app's `db` proxy at it.
 */
export function setupTestDatabase({ seed = false }: TestDatabaseOptions = {}): TestDatabase {
  const serverUrl = process.env.TEST_DATABASE_URL || undefined;
  let current: Database | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const extra: Database[] = [];

  beforeAll(async () => {
    if (serverUrl) {
      const name = `stepwise_test_${process.pid}_${randomBytes(6).toString("hex")}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`create database "${name}"`);
      } finally {
        await admin.end({ timeout: 5 });
      }
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      current = openPostgres(url.toString());
      dropDatabase = async () => {
        const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
        try {
          await dropper.unsafe(`drop database if exists "${name}" with (force)`);
        } finally {
          await dropper.end({ timeout: 5 });
        }
      };
    } else {
      current = openPglite();
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
    await dropDatabase?.();
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
