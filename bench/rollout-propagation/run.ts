// How long after a pause/resume made through one app instance another instance serves it.
//
//   npx next build && npx tsx bench/rollout-propagation/run.ts      (NEXT_DIST_DIR=… to use another build folder)
//
// Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres); a throwaway database
// is created, seeded and dropped. Two `next start` instances share it. Each flip pauses or resumes France through
// instance A (the same domain code the console uses, via the test hook) and polls instance B's /api/availability
// every POLL_MS until B answers with the new state. Knobs: FLIPS (20), POLL_MS (5), PORT (3392; B uses PORT+1).
import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { startInstance } from "../start-instance";
import { createScratchDatabase } from "../scratch-database";

const flips = Number(process.env.FLIPS ?? 20);
const pollMs = Number(process.env.POLL_MS ?? 5);
const port = Number(process.env.PORT ?? 3392);
const [a, b] = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];
// The seed below runs in this process and seals what it stores with the secret the instances then use.
const authSecret = "bench-only-secret-bench-only-secret-0000";
process.env.AUTH_SECRET = authSecret;

const stats = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
};

const statusOnB = async () => ((await (await fetch(`${b}/api/availability?country=FR`, { cache: "no-store" })).json()) as { status: string }).status;

async function main() {
  const { url, drop } = await createScratchDatabase();
  const servers: ChildProcess[] = [];
  const { openPostgres, useDatabase: pointAppAt } = await import("@/db");
  const database = openPostgres(url.toString());
  try {
    const { migrateDatabase } = await import("@/db/migrate");
    const { seedDatabase } = await import("@/db/seed");
    await migrateDatabase(database);
    await seedDatabase(database.db);
    pointAppAt(database);
    // Launch wave 3 (France) with the console's own functions: operator requests, admin approves.
    const { eq } = await import("drizzle-orm");
    const { users, waves } = await import("@/db/schema");
    const { requestWaveApproval, approveWave } = await import("@/lib/rollout/waves/review-wave");
    const actor = async (email: string) => {
      const [u] = await database.db.select().from(users).where(eq(users.email, email));
      return { id: u!.id, name: u!.name, email: u!.email, role: u!.role };
    };
    const [wave3] = await database.db.select().from(waves).where(eq(waves.name, "Wave 3"));
    await requestWaveApproval({ actor: await actor("operator@stepwise.test"), waveId: wave3!.id });
    await approveWave({ actor: await actor("admin@stepwise.test"), waveId: wave3!.id, comment: "bench launch" });

    const env = { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: authSecret, SMS_TRANSPORT: "dev", STEPWISE_TEST_HOOKS: "1", NEXT_TELEMETRY_DISABLED: "1" };
    servers.push(await startInstance(a, env), await startInstance(b, env));
    if ((await statusOnB()) !== "available") throw new Error("France should be available after the launch");

    const afterCommit: number[] = [];
    const afterRequest: number[] = [];
    for (let i = 0; i < flips; i++) {
      const pause = i % 2 === 0;
      const expected = pause ? "paused" : "available";
      const sent = performance.now();
      const flip = await fetch(`${a}/api/test/${pause ? "pause" : "resume"}-country?q=FR`, { method: "POST" });
      if (!flip.ok) throw new Error(`flip ${i} failed on A: ${flip.status}`);
      const committed = performance.now();
      while ((await statusOnB()) !== expected) {
        if (performance.now() - committed > 10_000) throw new Error(`B did not serve "${expected}" within 10 s`);
        await sleep(pollMs);
      }
      const seen = performance.now();
      afterCommit.push(seen - committed);
      afterRequest.push(seen - sent);
    }
    const c = stats(afterCommit);
    const r = stats(afterRequest);
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`rollout propagation: ${flips} flips of France (pause/resume) on A, polled on B every ${pollMs} ms (${new Date().toISOString()})`);
    console.log(`  A answered → B serves it: median ${ms(c.median)}  p95 ${ms(c.p95)}  max ${ms(c.max)}`);
    console.log(`  flip sent  → B serves it: median ${ms(r.median)}  p95 ${ms(r.p95)}  max ${ms(r.max)}`);
    console.log(`  target ≤ 1000 ms: ${r.max <= 1000 ? "met" : "MISSED"} (no per-instance cache: every read goes to PostgreSQL)`);
  } finally {
    for (const s of servers) s.kill("SIGTERM");
    await database.close();
    await sleep(500);
    await drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
