// Migrates (and, unless --no-seed, seeds) the database, then exits so the app process can open it.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase, type DB } from "@/db";
import { describeConnectError } from "@/db/connect-error";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { hasSyntheticAccounts, synthesizePopulation } from "@/db/synth";
import { EnvError, readEnv } from "@/lib/env";

// 0 turns the demo population off (the e2e server does); any other count replaces the default.
const demoPopulation = z.coerce.number().int().min(0).max(1_000_000).default(20_000);

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
    if (!process.argv.includes("--no-seed")) {
      await seedDatabase(database.db);
      await addDemoPopulation(database.db);
    }
    const where = env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`;
    console.log(`Database ready (${where}).`);
  } finally {
    await database.close();
  }
}

/**
 * Dashboards need people: a synthetic population, once per database (npm run db:synth adds more). Only the
 * embedded demo gets one by default; on PostgreSQL (production) only when STEPWISE_DEMO_POPULATION asks for it.
 */
async function addDemoPopulation(db: DB) {
  const asked = process.env.STEPWISE_DEMO_POPULATION || undefined;
  if (!asked && process.env.DATABASE_URL) return;
  const parsed = demoPopulation.safeParse(asked);
  if (!parsed.success) throw new EnvError("Invalid environment: STEPWISE_DEMO_POPULATION must be a whole number of accounts (0 to skip)");
  const accounts = parsed.data;
  if (accounts === 0 || (await hasSyntheticAccounts(db))) return;
  const started = Date.now();
  const message = `Adding a demo population of ${accounts.toLocaleString("en-US")} synthetic accounts (STEPWISE_DEMO_POPULATION=0 skips it)…`;
  const tty = process.stdout.isTTY;
  process.stdout.write(message);
  await synthesizePopulation(db, {
    accounts,
    onProgress: ({ done, total }) => {
      if (tty) process.stdout.write(`\r${message} ${Math.floor((100 * done) / total)}%`);
    },
  });
  process.stdout.write(`${tty ? `\r${message}` : ""} done in ${Math.round((Date.now() - started) / 1000)} s.\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || (error instanceof Error && /^(Cannot reach|PostgreSQL at|Database error)/.test(error.message));
  console.error(known ? (error as Error).message : `Database setup failed: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
