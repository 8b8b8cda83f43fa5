// What one statement costs the app server's CPU, by how it is written: Drizzle's query builder, the same query
// prepared once (`db/prepared.ts`), and hand-written SQL. Client-side CPU only (process.cpuUsage of this process),
// 20 in flight on PostgreSQL, 10 000 each after 2 000 to warm up; a throwaway database is created and dropped.
//
//   npx tsx bench/statement-cost.ts          (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
import { createScratchDatabase } from "./scratch-database";

const runs = 10_000;
const inFlight = 20;

async function main() {
  const { url, drop } = await createScratchDatabase("stepwise_statements");
  const { openPostgres } = await import("@/db");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDatabase } = await import("@/db/seed");
  const { secondFactorLockouts, sessions, users } = await import("@/db/schema");
  const { and, eq, isNull, sql } = await import("drizzle-orm");
  const database = openPostgres(url.toString());
  try {
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: false });
    const { db } = database;
    const [user] = await db.insert(users).values({ email: "statements@example.com", name: "S", passwordHash: "x", countryCode: "US" }).returning();
    const sessionId = "s".repeat(43);
    await db.insert(sessions).values({ id: sessionId, userId: user!.id, userAgent: "bench", ip: null, aal: 1 });
    const prepared = db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, sql.placeholder("id")), isNull(sessions.revokedAt)))
      .prepare("statement_cost_session");

    const cases: Record<string, () => Promise<unknown>> = {
      "session + user, builder": () =>
        db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
      "session + user, prepared": () => prepared.execute({ id: sessionId }),
      "lockout upsert, builder": () =>
        db.insert(secondFactorLockouts).values({ userId: user!.id }).onConflictDoUpdate({ target: secondFactorLockouts.userId, set: { userId: user!.id } }).returning(),
      "lockout upsert, sql": () =>
        db.execute(sql`insert into second_factor_lockouts (user_id) values (${user!.id}::uuid) on conflict (user_id) do update set user_id = excluded.user_id returning consecutive_failures, blocked_until, updated_at`),
      "select 1, sql": () => db.execute(sql`select 1`),
      "empty transaction": () => db.transaction(async () => {}),
    };
    for (const [name, run] of Object.entries(cases)) {
      for (let i = 0; i < 2_000; i++) await run();
      let left = runs;
      const cpu = process.cpuUsage();
      await Promise.all(Array.from({ length: inFlight }, async () => { while (left-- > 0) await run(); }));
      const used = process.cpuUsage(cpu);
      process.stdout.write(`${JSON.stringify({ statement: name, cpu_us_per_run: Math.round((used.user + used.system) / runs) })}\n`);
    }
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:statements: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
