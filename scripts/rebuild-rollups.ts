// npm run db:rollups — recomputes every daily rollup and gauge from the raw events (and lockout risk from the
// accounts), in one statement of the database's own function. Safe to run any time; prints how long it took.
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { rowsOf } from "@/db/rows";

async function main() {
  const database = openDatabase();
  try {
    await migrateDatabase(database);
    const started = performance.now();
    await database.db.execute(sql`select stepwise_rebuild_rollups()`);
    const [counts] = rowsOf<{ events: number; rollups: number }>(await database.db.execute(sql`select (select count(*) from events)::int as events, (select count(*) from daily_rollups)::int as rollups`));
    console.log(`Rebuilt ${counts!.rollups} rollup rows from ${counts!.events} events in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Rebuild failed: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
