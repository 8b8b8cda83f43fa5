// Delay from issuing a pushed code to the prompt endpoint returning it, and what each poll costs.
//
//   NEXT_DIST_DIR=.next-push npx tsx bench/device-prompts/run.ts      (after `next build` into that folder)
//
// Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres): the codes are issued by
// THIS process and served by two separate `next start` instances, polled round-robin like a load balancer would —
// state lives only in the database. A throwaway database is created and dropped. Knobs: POLL_MS (1000, as
// <DevicePrompts/>), ROUNDS (20), PORT (3390; the second instance uses PORT+1).
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { startInstance } from "../start-instance";
import { createScratchDatabase } from "../scratch-database";

const secret = "bench-only-secret-bench-only-secret-0000";
process.env.AUTH_SECRET = secret;
const pollMs = Number(process.env.POLL_MS ?? 1000);
const rounds = Number(process.env.ROUNDS ?? 20);
const port = Number(process.env.PORT ?? 3390);
const instances = [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`];

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1]!, mean: s.reduce((a, b) => a + b, 0) / s.length };
};
const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
  const { name, url, drop } = await createScratchDatabase();
  const servers: ChildProcess[] = [];
  const { openPostgres, useDatabase: pointAppAt } = await import("@/db");
  const database = openPostgres(url.toString());
  try {
    const { migrateDatabase } = await import("@/db/migrate");
    const { seedDatabase } = await import("@/db/seed");
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: false });
    pointAppAt(database);
    const { challenges, users } = await import("@/db/schema");
    const { createSession } = await import("@/lib/auth/sessions");
    const { trustDevice } = await import("@/lib/two-step/trusted-devices");
    const { issueChallenge } = await import("@/lib/two-step/issue-challenge");

    // A 2SV account, one trusted browser fully signed in (the poller), one new browser asking for codes.
    const [user] = await database.db
      .insert(users)
      .values({ email: `bench-${name}@example.com`, name: "Bench", countryCode: "US", passwordHash: "x", twoStepEnabledAt: new Date() })
      .returning();
    const deviceToken = randomBytes(32).toString("base64url");
    const device = await trustDevice({ userId: user!.id, token: deviceToken, label: "Bench browser" });
    const sid = await createSession({ userId: user!.id, userAgent: "bench", ip: "127.0.0.1", aal: 2, deviceId: device.id });
    const asking = await createSession({ userId: user!.id, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", ip: "203.0.113.5", aal: 1 });
    const jwt = await encode({ token: { sid }, secret, salt: "authjs.session-token" });
    const cookie = `authjs.session-token=${jwt}; stepwise_device=${deviceToken}`;

    const env = { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: secret, SMS_TRANSPORT: "dev", NEXT_TELEMETRY_DISABLED: "1", STEPWISE_TEST_HOOKS: "" };
    for (const base of instances) servers.push(await startInstance(base, env));

    // Sanity: the trusted browser gets 200, a browser without the device cookie 404.
    const probe = await fetch(`${instances[0]}/api/device-prompts`, { headers: { cookie } });
    const stranger = await fetch(`${instances[0]}/api/device-prompts`, { headers: { cookie: `authjs.session-token=${jwt}` } });
    if (probe.status !== 200 || stranger.status !== 404) throw new Error(`unexpected statuses ${probe.status} / ${stranger.status}`);

    // The poller: what <DevicePrompts/> does — one request, then wait POLL_MS after the answer, alternating instances.
    const firstSeen = new Map<string, number>();
    const latencies: { empty: number[]; withPrompt: number[] } = { empty: [], withPrompt: [] };
    const bytes: { empty: number[]; withPrompt: number[] } = { empty: [], withPrompt: [] };
    let polls = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const response = await fetch(`${instances[polls++ % instances.length]}/api/device-prompts`, { headers: { cookie } });
        const text = await response.text();
        const done = performance.now();
        const { prompts } = JSON.parse(text) as { prompts: { id: string }[] };
        (prompts.length ? latencies.withPrompt : latencies.empty).push(done - started);
        (prompts.length ? bytes.withPrompt : bytes.empty).push(Buffer.byteLength(text));
        for (const p of prompts) if (!firstSeen.has(p.id)) firstSeen.set(p.id, done);
        await sleep(pollMs);
      }
    })();

    const delays: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Land anywhere in the poll cycle.
      await sleep(200 + Math.random() * pollMs);
      const { challengeId } = await issueChallenge({
        userId: user!.id,
        sessionId: asking,
        purpose: "sign_in",
        method: "device",
        request: { ip: "203.0.113.5", country: "FR", userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" },
      });
      const issuedAt = performance.now();
      while (!firstSeen.has(challengeId)) await sleep(5);
      delays.push(firstSeen.get(challengeId)! - issuedAt);
      // Clear the attempt so the resend cooldown and hourly cap (per account) do not apply to the next round.
      await database.db.delete(challenges).where(eq(challenges.userId, user!.id));
    }
    polling = false;
    await poller;

    // Throughput of the endpoint with no prompt waiting: 16 concurrent clients for 5 s on one instance.
    const statsBefore = await database.db.execute<{ xact_commit: string }>(sql`select xact_commit from pg_stat_database where datname = current_database()`);
    let served = 0;
    const loaded: number[] = [];
    const until = performance.now() + 5000;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          const r = await fetch(`${instances[0]}/api/device-prompts`, { headers: { cookie } });
          await r.arrayBuffer();
          loaded.push(performance.now() - started);
          served += 1;
        }
      }),
    );
    await sleep(1500); // let PostgreSQL flush its statistics
    const statsAfter = await database.db.execute<{ xact_commit: string }>(sql`select xact_commit from pg_stat_database where datname = current_database()`);
    const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { xact_commit: string }[];
    const transactions = Number(rows(statsAfter)[0]!.xact_commit) - Number(rows(statsBefore)[0]!.xact_commit);

    const d = stats(delays);
    const e = stats(latencies.empty);
    const w = latencies.withPrompt.length ? stats(latencies.withPrompt) : null;
    console.log(`\nDevice prompts — polling every ${pollMs} ms, 2 app instances, codes issued from a third process (PostgreSQL)`);
    console.log(`  delay issue → prompt endpoint returns it (${d.n} codes): median ${ms(d.median)}, p95 ${ms(d.p95)}, max ${ms(d.max)}, mean ${ms(d.mean)}`);
    console.log(`  poll round trip, nothing waiting (${e.n}): median ${ms(e.median)}, p95 ${ms(e.p95)}, max ${ms(e.max)}; ${Math.round(stats(bytes.empty).median)} bytes`);
    if (w) console.log(`  poll round trip, one prompt (${w.n}): median ${ms(w.median)}, p95 ${ms(w.p95)}; ${Math.round(stats(bytes.withPrompt).median)} bytes`);
    console.log(`  one open tab = ${(60_000 / (pollMs + e.median)).toFixed(0)} requests/minute`);
    const l = stats(loaded);
    console.log(`  throughput, one instance, 16 concurrent pollers: ${(served / 5).toFixed(0)} requests/s (≈ that many open tabs at 1 poll/s); latency median ${ms(l.median)}, p95 ${ms(l.p95)}`);
    console.log(`  database transactions per poll: ${(transactions / served).toFixed(2)} (session lookup, trusted-device check, challenge query)`);
    console.log(`  2-second target: ${d.max < 2000 ? "met" : "MISSED"} (max ${ms(d.max)})`);
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    await database.close();
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
