import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db";
import { migrateDatabase } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, closed PGlite data folder that each test file copies (empty when testing on PostgreSQL). */
    pgliteTemplateDir: string;
  }
}

/**
 * PGlite's initdb is the slow part of opening a database (~2.5 s idle, 20+ s on a busy 2-core machine), while
 * opening an existing folder takes well under that. So initdb + migrations run once per `vitest run`, here, and
 * every test file opens its own copy of the result (tests/helpers/test-db.ts).
 */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplateDir", "");
    return;
  }
  const root = mkdtempSync(join(tmpdir(), "stepwise-pglite-template-"));
  const dir = join(root, "data");
  const database = openPglite(dir);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  project.provide("pgliteTemplateDir", dir);
  return () => rmSync(root, { recursive: true, force: true });
}
