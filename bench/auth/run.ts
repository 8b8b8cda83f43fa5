// Password sign-in and second-step (authenticator app) throughput of a production build on PostgreSQL, each against a
// baseline measured in the same run: raw argon2id verifications/s (a separate process) and GET /api/health.
//
//   npx next build && npm run bench:auth        (PHASE_SECONDS=3 for a smoke run; NEXT_DIST_DIR=… for another build)
//
// Prints one JSON object per line (config, setup, raw_hash, sign_in, sign_in_action, health, setup_totp, verify,
// totp_flow, totp_replay, summary). Needs PostgreSQL (BENCH_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/postgres): a throwaway database bench_signin_<random> is created and dropped.
// Load comes from this process (node:http, keep-alive); the server is a separate `next start`. bench/README.md says
// what each phase sends and why.
import { randomBytes } from "node:crypto";
import { availableParallelism, cpus, totalmem } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { actionId } from "./actions";
import { cpuMeter } from "./cpu";
import { accountPool, csrf, passwordSignIn, signInAction, verifyCode, type TotpAccount } from "./flows";
import { closedLoop, makeClient, round, type LoopResult, type Outcome } from "./http";
import { phaseCounts, replayCheck } from "./replay";
import { addAuthenticators, benchPassword, createUsers, enrolAuthenticator, pendingSessionCookies, runId } from "./seed";
import { runJsonChild, startServer, type Server } from "./server";
import { base32Decode, selfTest, stepAt, totpAtStep } from "./totp";
import { createScratchDatabase } from "../scratch-database";

const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
const seconds = num("PHASE_SECONDS", 15);
const warmup = num("WARMUP_SECONDS", 2);
const cores = availableParallelism();
const signInConcurrency = num("SIGNIN_CONCURRENCY", 32);
const verifyConcurrency = num("VERIFY_CONCURRENCY", 50);
const flowConcurrency = num("FLOW_CONCURRENCY", 16);
const signInUsers = num("USERS", 200);
const port = num("PORT", 3394);
const base = `http://127.0.0.1:${port}`;
const distDir = process.env.NEXT_DIST_DIR || ".next";
const authSecret = randomBytes(32).toString("base64");
const timing = { seconds, warmup };

const emit = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const untilNextStep = () => sleep(30_000 - (Date.now() % 30_000) + 150);

async function main() {
  selfTest();
  const signInActionId = actionId(distDir, "app/(public)/sign-in/page", "signInAction");
  // This process seals the TOTP secrets (and the owners' emails) with the keys the server opens them with.
  process.env.TOTP_ENCRYPTION_KEY ||= randomBytes(32).toString("base64");
  process.env.SMS_TRANSPORT = "dev";
  process.env.AUTH_SECRET = authSecret;
  const { name, url, admin, drop } = await createScratchDatabase("bench_signin");
  const { openPostgres, useDatabase: pointAppAt } = await import("@/db");
  const database = openPostgres(url.toString());
  let server: Server | undefined;
  const cleanUp = async () => {
    await server?.stop();
    await database.close();
    await drop();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    emit({
      phase: "config",
      app: "stepwise",
      date: new Date().toISOString(),
      node: process.version,
      machine: { cores, cpu: cpus()[0]?.model, mem_gib: round(totalmem() / 2 ** 30, 1) },
      uv_threadpool_size: cores,
      pg_pool_max: num("DATABASE_POOL_SIZE", 10),
      build: distDir,
      phase_seconds: seconds,
      warmup_seconds: warmup,
      concurrency: { sign_in: signInConcurrency, health: verifyConcurrency, verify: verifyConcurrency, totp_flow: flowConcurrency },
      rate_limits: "on, raised for the bench: SIGNIN_ACCOUNT_LIMIT=SIGNIN_IP_LIMIT=1000000000 (each attempt still counted in PostgreSQL)",
      event_loop_lag: "monitorEventLoopDelay preloaded into next start with NODE_OPTIONS=--import bench/auth/loop-lag.mjs (no app code)",
      loadgen: "this process, node:http keep-alive; server, PostgreSQL and load generator share the cores",
    });

    let started = performance.now();
    const { migrateDatabase } = await import("@/db/migrate");
    const { seedDatabase } = await import("@/db/seed");
    const { hashPassword } = await import("@/lib/auth/passwords");
    await migrateDatabase(database);
    await seedDatabase(database.db, { demo: false });
    pointAppAt(database);
    const run = runId();
    const passwordHash = await hashPassword(benchPassword);
    const plain = await createUsers(database, { kind: "signin", count: signInUsers, run, passwordHash, twoStep: false });
    // The replay accounts go through the app's own enrolment functions (setup + confirm with a code).
    const replayUsers = await createUsers(database, { kind: "replay", count: 2, run, passwordHash, twoStep: true });
    const codeAt = (secret: string, at: Date) => totpAtStep(base32Decode(secret), stepAt(at.getTime()));
    const replayAccounts = (await Promise.all(replayUsers.map((u) => enrolAuthenticator(u, codeAt)))).map((secret, i) => ({ user: replayUsers[i]!, key: base32Decode(secret), sessions: [], lastStep: -1 }));
    emit({ phase: "setup", timed: false, seconds: round((performance.now() - started) / 1000), sign_in_users: plain.length, database: name });

    server = await startServer(base, {
      ...process.env,
      DATABASE_URL: url.toString(),
      AUTH_SECRET: authSecret,
      SMS_TRANSPORT: "dev",
      UV_THREADPOOL_SIZE: String(cores),
      SIGNIN_ACCOUNT_LIMIT: "1000000000",
      SIGNIN_IP_LIMIT: "1000000000",
      NEXT_TELEMETRY_DISABLED: "1",
    });
    const client = makeClient(base, 128);

    // The hash ceiling in its own process while the server idles, as the peer's harness measures it.
    const meter = cpuMeter(server.server.pid!, admin, name);
    const idle = await meter.snapshot();
    const raw = await runJsonChild("node_modules/.bin/tsx", ["bench/auth/hash-rate.ts"], { ...process.env, UV_THREADPOOL_SIZE: String(cores), PHASE_SECONDS: String(seconds) }, (seconds + 120) * 1000);
    const rawRate = Number(raw.verifications_per_s) || null;
    const hashCpu = await meter.since(idle, Number(raw.verifications) || 0);
    // The hash process itself is neither server, database nor load generator: take it out of "other".
    hashCpu.other_s = Number((hashCpu.other_s - (Number(raw.process_cpu_s) || 0)).toFixed(2));
    emit({ phase: "raw_hash", ...raw, cpu: hashCpu });

    // First requests load each route's code: not part of any window.
    const lanes = await Promise.all(Array.from({ length: Math.max(signInConcurrency, flowConcurrency) }, () => csrf(client)));
    await passwordSignIn(client, lanes[0]!, plain[0]!.email);
    await signInAction(client, signInActionId, plain[1]!.email);
    await client.request("GET", "/api/health");

    const measure = async (phase: string, body: () => Promise<LoopResult>) => {
      await server!.loopLag();
      const cpu0 = await meter.snapshot();
      const result = await body();
      const operations = result.warmup_ok + result.warmup_errors + result.ok + result.completed_after_window + result.errors;
      return { phase, ...result, cpu: await meter.since(cpu0, operations), server_event_loop_lag_ms: await server!.loopLag() };
    };

    let next = 0;
    const signIn = await measure("sign_in", () =>
      closedLoop({ concurrency: signInConcurrency, ...timing }, async (lane) => (await passwordSignIn(client, lanes[lane]!, plain[next++ % plain.length]!.email)).outcome),
    );
    emit({
      ...signIn,
      endpoint: "POST /api/auth/callback/credentials (Auth.js credentials callback; CSRF cookie + token fetched once per lane)",
      concurrency: signInConcurrency,
      users: plain.length,
      sign_ins_per_s: signIn.per_s,
      ratio_to_raw_hash_rate: rawRate ? round(signIn.per_s / rawRate, 3) : null,
      per_vcpu: round(signIn.per_s / cores, 1),
      keycloak_multiple: round(signIn.per_s / cores / 15, 2),
    });

    const viaAction = await measure("sign_in_action", () =>
      closedLoop({ concurrency: signInConcurrency, ...timing }, () => signInAction(client, signInActionId, plain[next++ % plain.length]!.email)),
    );
    emit({
      ...viaAction,
      endpoint: "POST /sign-in, Next-Action signInAction (what the browser posts: signIn() in-process, then the /account page it redirects to rendered into the reply)",
      concurrency: signInConcurrency,
      sign_ins_per_s: viaAction.per_s,
      ratio_to_raw_hash_rate: rawRate ? round(viaAction.per_s / rawRate, 3) : null,
    });

    const health = await measure("health", () =>
      closedLoop({ concurrency: verifyConcurrency, ...timing }, async (): Promise<Outcome> => {
        const reply = await client.request("GET", "/api/health");
        return reply.status === 200 ? { ok: true, ms: reply.ms } : { ok: false, ms: reply.ms, error: `health:http_${reply.status || reply.error}` };
      }),
    );
    emit({ ...health, endpoint: "GET /api/health (one select 1)", concurrency: verifyConcurrency, requests_per_s: health.per_s });

    // One code per account per step and one pending session per verification: the pools are sized from the
    // baselines just measured (a verification does far more than /api/health; a flow includes a hash).
    started = performance.now();
    const span = seconds + warmup + 1;
    const verifyCount = num("VERIFY_ACCOUNTS", Math.max(200, Math.ceil(health.per_s * span * 0.5)));
    const flowCount = num("FLOW_ACCOUNTS", Math.max(100, Math.ceil((rawRate ?? 100) * span * 1.2)));
    const totpUsers = await createUsers(database, { kind: "totp", count: verifyCount + flowCount, run, passwordHash, twoStep: true });
    const secrets = await addAuthenticators(database, totpUsers);
    const accounts: TotpAccount[] = totpUsers.map((user, i) => ({ user, key: base32Decode(secrets[i]!), sessions: [], lastStep: -1 }));
    const verifyPool = accounts.slice(0, verifyCount);
    const flowPool = accounts.slice(verifyCount);
    // A window shorter than a step starts on a boundary (below), so each account verifies once; longer ones need more.
    const perAccount = span < 30 ? 1 : Math.ceil(span / 30) + 1;
    const owners = verifyPool.flatMap((a) => Array.from({ length: perAccount }, () => a));
    const cookies = await pendingSessionCookies(database, owners.map((a) => a.user), authSecret);
    owners.forEach((a, i) => a.sessions.push(cookies[i]!));
    emit({ phase: "setup_totp", timed: false, seconds: round((performance.now() - started) / 1000), verify_accounts: verifyCount, flow_accounts: flowCount, pending_sessions: owners.length });

    const verifyTake = accountPool(verifyPool, true);
    const warm = await verifyTake.take();
    await verifyCode(client, warm.account.sessions.pop()!, warm.code);
    if (span < 30) await untilNextStep();
    const before = await phaseCounts(database);
    const refusals: Record<string, number> = {};
    const verify = await measure("verify", () =>
      closedLoop({ concurrency: verifyConcurrency, ...timing }, async () => {
        const { account, code } = await verifyTake.take();
        const outcome = await verifyCode(client, account.sessions.pop()!, code);
        if (outcome.refused) refusals[outcome.refused] = (refusals[outcome.refused] ?? 0) + 1;
        return outcome;
      }),
    );
    const after = await phaseCounts(database);
    emit({
      ...verify,
      endpoint: "POST /api/verify (the /verify form's fetch), method=totp, one pending (aal 1) session per request",
      concurrency: verifyConcurrency,
      verifications_per_s: verify.per_s,
      ratio_to_health: health.per_s ? round(verify.per_s / health.per_s, 3) : null,
      per_vcpu: round(verify.per_s / cores, 1),
      accepted_http: verify.ok + verify.completed_after_window + verify.warmup_ok,
      refused_http: refusals,
      db: { challenge_passed: after.passed - before.passed, challenge_failed: after.failed - before.failed, sessions_upgraded: after.upgraded - before.upgraded },
      pool_waits: verifyTake.waits(),
    });

    const flowTake = accountPool(flowPool, false);
    let signInMs = 0;
    let verifyMs = 0;
    let steps = 0;
    const flowBefore = await phaseCounts(database);
    const flow = await measure("totp_flow", () =>
      closedLoop({ concurrency: flowConcurrency, ...timing }, async (lane, measuring) => {
        const { account, code } = await flowTake.take();
        const flowStarted = performance.now();
        const signedIn = await passwordSignIn(client, lanes[lane]!, account.user.email);
        if (!signedIn.outcome.ok) return signedIn.outcome;
        const verified = await verifyCode(client, signedIn.jar.get("authjs.session-token")!, code);
        if (!verified.ok) return verified;
        if (measuring()) {
          signInMs += signedIn.outcome.ms;
          verifyMs += verified.ms;
          steps++;
        }
        return { ok: true, ms: performance.now() - flowStarted };
      }),
    );
    const flowAfter = await phaseCounts(database);
    emit({
      ...flow,
      flow: "POST /api/auth/callback/credentials (pending session cookie) → POST /api/verify with the current TOTP code → { redirectTo: \"/account\" }",
      concurrency: flowConcurrency,
      accounts: flowPool.length,
      flows_per_s: flow.per_s,
      mean_sign_in_step_ms: steps ? round(signInMs / steps, 1) : null,
      mean_verify_step_ms: steps ? round(verifyMs / steps, 1) : null,
      ratio_to_raw_hash_rate: rawRate ? round(flow.per_s / rawRate, 3) : null,
      db: { challenge_passed: flowAfter.passed - flowBefore.passed, challenge_failed: flowAfter.failed - flowBefore.failed, sessions_upgraded: flowAfter.upgraded - flowBefore.upgraded },
      pool_waits: flowTake.waits(),
    });

    const replay = await replayCheck({ client, accounts: [replayAccounts[0]!, replayAccounts[1]!], lane: lanes[0]! });
    emit(replay);

    emit({
      phase: "summary",
      peer: "stepwise",
      version: "0.1.0 (Next.js 16.4, Auth.js 5 credentials)",
      hash: "argon2id",
      raw_hash_per_s: rawRate,
      sign_ins_per_s: signIn.per_s,
      sign_in_p50_ms: signIn.p50_ms,
      sign_in_p99_ms: signIn.p99_ms,
      sign_in_errors: signIn.errors,
      sign_in_to_raw_hash_ratio: rawRate ? round(signIn.per_s / rawRate, 3) : null,
      totp_flows_per_s: flow.per_s,
      totp_flow_p50_ms: flow.p50_ms,
      totp_flow_p99_ms: flow.p99_ms,
      totp_flow_errors: flow.errors,
      totp_replay_accepted: replay.replayed_code_accepted,
      get_session_per_s: null,
      get_session_p50_ms: null,
      get_session_p99_ms: null,
      rate_limiter: "on (limits raised)",
      cores,
      sign_ins_per_s_per_vcpu: round(signIn.per_s / cores, 1),
      keycloak_multiple: round(signIn.per_s / cores / 15, 2),
      sign_in_event_loop_lag_ms: signIn.server_event_loop_lag_ms,
      sign_in_action_per_s: viaAction.per_s,
      health_per_s: health.per_s,
      verifications_per_s: verify.per_s,
      verify_p50_ms: verify.p50_ms,
      verify_p99_ms: verify.p99_ms,
      verify_errors: verify.errors,
      verify_to_health_ratio: health.per_s ? round(verify.per_s / health.per_s, 3) : null,
      verifications_per_s_per_vcpu: round(verify.per_s / cores, 1),
    });
    client.close();
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  process.stderr.write(`bench:auth: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
