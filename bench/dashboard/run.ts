// Every dashboard query at 100 k and then 1 M accounts on PostgreSQL: p50/p95 per query and the 1 M ÷ 100 k ratio.
//
//   npx tsx bench/dashboard/run.ts            (SMALL=100000 LARGE=1000000 RUNS=30 to change the sizes)
//
// Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). A throwaway database
// is created, filled with the synthetic population (db/synth.ts: accounts, their factors and ~10 events each, with
// rollups built), measured, grown to LARGE, measured again, and dropped. Queries run in this process against the
// same code the page uses (lib/analytics/load-dashboard.ts), warm, one at a time.
import { createScratchDatabase } from "../scratch-database";

const small = Number(process.env.SMALL ?? 100_000);
const large = Number(process.env.LARGE ?? 1_000_000);
const runs = Number(process.env.RUNS ?? 30);

const percentile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function main() {
  const { url, drop } = await createScratchDatabase();
  const { openPostgres, useDatabase: pointAppAt } = await import("@/db");
  const database = openPostgres(url.toString());
  try {
    const { sql } = await import("drizzle-orm");
    const { migrateDatabase } = await import("@/db/migrate");
    const { seedDatabase } = await import("@/db/seed");
    const { synthesizePopulation } = await import("@/db/synth");
    const { dashboardQueries } = await import("@/lib/analytics/load-dashboard");
    const { parseDashboardFilters } = await import("@/lib/analytics/dashboard-filters");
    const { scopeCountries } = await import("@/lib/analytics/scope");
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: false });
    pointAppAt(database);

    const today = new Date().toISOString().slice(0, 10);
    const views = { all: parseDashboardFilters({}, today), "wave 1": parseDashboardFilters({ wave: "1" }, today) };

    async function measure() {
      const [size] = (await database.db.execute(sql`select (select count(*) from users)::int as accounts, (select count(*) from events)::int as events, (select count(*) from daily_rollups)::int as rollups`)) as unknown as { accounts: number; events: number; rollups: number }[];
      const result: Record<string, { p50: number; p95: number }> = {};
      for (const [view, filters] of Object.entries(views)) {
        const countries = await scopeCountries(filters);
        for (const [query, run] of Object.entries(dashboardQueries)) {
          const times: number[] = [];
          for (let i = 0; i < runs + 3; i++) {
            const started = performance.now();
            await run(filters, countries, today);
            if (i >= 3) times.push(performance.now() - started);
          }
          result[`${query} (${view})`] = { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
        }
      }
      return { size: size!, result };
    }

    const grow = async (to: number) => {
      const [row] = (await database.db.execute(sql`select count(*)::int as n from users`)) as unknown as { n: number }[];
      const n = row!.n;
      const started = performance.now();
      await synthesizePopulation(database.db, { accounts: to - n, seed: to });
      console.error(`  synthesized ${to - n} accounts in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    };

    await grow(small);
    await database.db.execute(sql`vacuum analyze`);
    const a = await measure();
    await grow(large);
    await database.db.execute(sql`vacuum analyze`);
    const b = await measure();

    const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);
    console.log(`dashboard queries on PostgreSQL, ${runs} warm runs each (${new Date().toISOString()})`);
    console.log(`  small: ${a.size.accounts} accounts, ${a.size.events} events, ${a.size.rollups} rollup rows`);
    console.log(`  large: ${b.size.accounts} accounts, ${b.size.events} events, ${b.size.rollups} rollup rows`);
    console.log(`  ${"query".padEnd(34)} ${"p50 small".padStart(9)} ${"p95 small".padStart(9)} ${"p50 large".padStart(9)} ${"p95 large".padStart(9)}  p95 ratio`);
    let worst = 0;
    let slowest = 0;
    for (const key of Object.keys(a.result)) {
      const ratio = b.result[key]!.p95 / a.result[key]!.p95;
      worst = Math.max(worst, ratio);
      slowest = Math.max(slowest, b.result[key]!.p95);
      console.log(`  ${key.padEnd(34)} ${ms(a.result[key]!.p50)} ${ms(a.result[key]!.p95)} ${ms(b.result[key]!.p50)} ${ms(b.result[key]!.p95)}  ${ratio.toFixed(2)}`);
    }
    console.log(`  targets: p95 ≤ 50 ms at large → slowest ${slowest.toFixed(1)} ms (${slowest <= 50 ? "met" : "MISSED"}); ratio ≤ 1.5 → worst ${worst.toFixed(2)} (${worst <= 1.5 ? "met" : "MISSED"})`);
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
