// Child process of tests/faults/postgres-restart.test.ts (not a test file itself): plays one app instance under load
// while its PostgreSQL crashes and restarts. It runs in its own process because, like `next start`, it must survive
// errors the driver throws outside any request (postgres.js can throw from a timer when the server vanishes
// mid-write); Next.js logs those ("uncaughtException: …") and keeps serving, and so does this process, counting them.
// Input (env): FAULT_DATABASE_URL, FAULT_STOP_COMMAND, FAULT_START_COMMAND (shell commands run as given), and
// FAULT_REPORT_FILE.
// Output: the report below as JSON in FAULT_REPORT_FILE; the test asserts on it. A file, not stdout: the report is a
// few hundred kB, and process.exit() cut a piped stdout short once under load (CI read half a JSON line).
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { GET as health } from "@/app/api/health/route";
// Aliased: the React hooks lint rule reads any use* call as a hook.
import { openPostgres, useDatabase as pointAppAt } from "@/db";

const uncaught: string[] = [];
process.on("uncaughtException", (error) => void uncaught.push(`${error.name}: ${error.message}`));

const url = process.env.FAULT_DATABASE_URL!;
process.env.DATABASE_URL = url; // the health route names the server in its log line
const database = openPostgres(url);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = () => performance.now();

interface Op {
  op: string;
  startedAt: number;
  ms: number;
  ok: boolean;
  error?: string;
}
const ops: Op[] = [];
let running = true;

/** One loop of two-row transactions, 5 ms apart, until `running` is false. */
async function loop() {
  while (running) {
    const op = randomUUID();
    const startedAt = clock();
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into fault_load (op, part) values (${op}, 1)`);
        await tx.execute(sql`select pg_sleep(0.005)`);
        await tx.execute(sql`insert into fault_load (op, part) values (${op}, 2)`);
      });
      ops.push({ op, startedAt, ms: clock() - startedAt, ok: true });
    } catch (error) {
      const cause = ((error as { cause?: Error }).cause ?? error) as Error & { code?: string };
      ops.push({ op, startedAt, ms: clock() - startedAt, ok: false, error: cause.code ?? cause.name });
    }
    await pause(5);
  }
}

async function timedHealth() {
  const startedAt = clock();
  const response = await health();
  const body = (await response.json()) as { status: string; database: { status: string; reason?: string } };
  return { status: response.status, ms: clock() - startedAt, body };
}

async function main() {
  pointAppAt(database); // what the health route's database() returns
  await database.db.execute(sql`create table if not exists fault_load (op uuid not null, part int not null, primary key (op, part))`);
  const healthBefore = await timedHealth();
  const loops = [loop(), loop(), loop()];
  await pause(1_000);

  const stoppedAt = clock();
  execSync(process.env.FAULT_STOP_COMMAND!, { stdio: "ignore", timeout: 60_000 });
  const downFrom = clock();
  const downChecks = [];
  for (let i = 0; i < 3; i++) {
    downChecks.push(await timedHealth());
    await pause(300);
  }
  const startingAt = clock();
  execSync(process.env.FAULT_START_COMMAND!, { stdio: "ignore", timeout: 60_000 });
  const startedAt = clock();

  // Recovery on the same pool: no new openPostgres, no restart of this "app".
  let healthAfter = await timedHealth();
  while (healthAfter.status !== 200 && clock() - startedAt < 20_000) {
    await pause(200);
    healthAfter = await timedHealth();
  }
  const recoveredAt = clock();
  // Keep the load on until each loop has committed again after recovery (the pool reconnects with its own backoff),
  // bounded by 30 s; the test judges what happened.
  while (ops.filter((o) => o.ok && o.startedAt >= recoveredAt).length < 6 && clock() - recoveredAt < 30_000) await pause(100);
  running = false;
  await Promise.all(loops);

  const rows = (await database.db.execute(sql`select op::text as op, count(*)::int as n from fault_load group by op`)) as unknown as { op: string; n: number }[];
  await database.close();
  const report = {
    healthBefore,
    downChecks,
    healthAfter,
    times: { stoppedAt, downFrom, startingAt, startedAt, recoveredAt },
    ops,
    stored: Object.fromEntries(rows.map((r) => [r.op, r.n])),
    uncaught,
  };
  writeFileSync(process.env.FAULT_REPORT_FILE!, JSON.stringify(report));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
