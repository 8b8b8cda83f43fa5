// Migrates (and, unless --no-seed, seeds) the database, then exits so the app process can open it.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db";
import { describeConnectError } from "@/db/connect-error";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { EnvError, readEnv } from "@/lib/env";

async function main() {
  const env = readEnv();
  const database = openDatabase();
  try {
    await database.db.execute(sql`select 1`);
  } catch (error) {
    throw new Error(describeConnectError(error, env.DATABASE_URL));
  }
  try {
    await migrateDatabase(database);
    if (!process.argv.includes("--no-seed")) await seedDatabase(database.db);
    const where = env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`;
    console.log(`Database ready (${where}).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || (error instanceof Error && /^(Cannot reach|PostgreSQL at|Database error)/.test(error.message));
  console.error(known ? (error as Error).message : `Database setup failed: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
