// npm run db:synth -- --accounts 1000000 [--seed 2013] [--batch-size 5000]
// Adds a synthetic population to DATABASE_URL (or the embedded PGlite in DATA_DIR), migrating and seeding first.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { openDatabase } from "@/db";
import { describeConnectError } from "@/db/connect-error";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { synthesizePopulation } from "@/db/synth";
import { EnvError, readEnv } from "@/lib/env";

const options = z.object({
  accounts: z.coerce.number().int().positive().max(50_000_000),
  seed: z.coerce.number().int().default(2013),
  batchSize: z.coerce.number().int().min(100).max(50_000).default(5000),
});

const number = (n: number) => Math.round(n).toLocaleString("en-US");
const duration = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${s.toFixed(1)}s`);

function progressBar(started: number) {
  let lastLine = 0;
  return ({ done, total }: { done: number; total: number }) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const width = 30;
    const filled = Math.round((done / total) * width);
    const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${number(done)} / ${number(total)} accounts  ${number(rate)}/s  ETA ${duration((total - done) / Math.max(rate, 1))}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
    // Not a terminal (CI, a log file): a line every 10 seconds and at the end.
    else if (Date.now() - lastLine > 10_000 || done === total) {
      lastLine = Date.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

async function main() {
  const { values } = parseArgs({ options: { accounts: { type: "string" }, seed: { type: "string" }, "batch-size": { type: "string" } } });
  const parsed = options.safeParse({ accounts: values.accounts, seed: values.seed, batchSize: values["batch-size"] });
  if (!parsed.success) throw new EnvError(`Usage: npm run db:synth -- --accounts <n> [--seed <int>] [--batch-size <100-50000>] (${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")})`);
  const env = readEnv();
  const database = openDatabase();
  try {
    await database.db.execute(sql`select 1`);
  } catch (error) {
    throw new Error(describeConnectError(error, env.DATABASE_URL));
  }
  try {
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: false });
    const started = Date.now();
    const result = await synthesizePopulation(database.db, { ...parsed.data, onProgress: progressBar(started) });
    if (process.stderr.isTTY) process.stderr.write("\n");
    const seconds = (Date.now() - started) / 1000;
    const share = (n: number) => `${((100 * n) / result.accounts).toFixed(1)}%`;
    const top = Object.entries(result.byCountry).sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      [
        `Synthesized ${number(result.accounts)} accounts (synthetic-${result.firstNumber} … ${result.lastNumber}) in ${duration(seconds)} on ${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`}, rollups rebuilt.`,
        `  2SV on: ${number(result.enrolled)} (${share(result.enrolled)}), at lockout risk: ${number(result.atRisk)} (${share(result.atRisk)} of accounts, ${((100 * result.atRisk) / Math.max(result.enrolled, 1)).toFixed(1)}% of enrolled)`,
        `  events: ${number(result.events)} (${(result.events / result.accounts).toFixed(1)} per account), phones ${number(result.phones)}, devices ${number(result.devices)}, recovery keys ${number(result.keys)}`,
        `  top countries: ${top.map(([c, n]) => `${c} ${number(n)}`).join(", ")}`,
      ].join("\n"),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof EnvError || (error instanceof Error && /^(Cannot reach|PostgreSQL at|Database error|Seed the countries)/.test(error.message));
  console.error(known ? (error as Error).message : `Synthesis failed: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
