// `npm run bench`: every benchmark of issue 7's items 1–4 in one run, on a production build and PostgreSQL.
//
//   npx next build && npm run bench            (PHASE_SECONDS=3 for a smoke run; NEXT_DIST_DIR=… for another build)
//
// 1–2. bench/auth/run.ts: sign-in vs the raw argon2id rate, second-step verification vs /api/health, password + TOTP
//      flows and the replay check (JSON lines tagged "app":"stepwise").
// 3.   the Better Auth peer right after, from ../shared/peers/better-auth (lines tagged "app":"better-auth"), then a
//      "comparison" line, ours ÷ peer.
// 4.   bench/rollout-propagation and bench/dashboard at its smaller size (SMALL=LARGE=100000).
// 5.   bench/pages: Lighthouse on sign-in, second step, security settings, admin dashboard; first-load JS per page.
// Stdout: one JSON object per line, then a table. BENCH_ONLY=auth,peer,rollout,dashboard,pages picks parts;
// BENCH_REPORT=<saved stdout> reprints the table of an earlier run.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runPeer } from "./auth/peer";
import { printTable, type Results } from "./report";

const only = new Set((process.env.BENCH_ONLY || "auth,peer,rollout,dashboard,pages").split(",").map((s) => s.trim()));
const seconds = Number(process.env.PHASE_SECONDS || 15);
const warmup = Number(process.env.WARMUP_SECONDS || 2);
const adminUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const dashboardSize = process.env.DASHBOARD_ACCOUNTS || "100000";

const emit = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const note = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** Runs a script; each stdout line goes to `onLine`, stderr passes through. */
function run(args: string[], env: NodeJS.ProcessEnv, onLine: (line: string) => void) {
  return new Promise<number | null>((done) => {
    const child = spawn("node_modules/.bin/tsx", args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf("\n")) >= 0) {
        onLine(buffer.slice(0, at));
        buffer = buffer.slice(at + 1);
      }
    });
    child.on("exit", (code) => {
      if (buffer) onLine(buffer);
      done(code);
    });
  });
}

const numbers = (text: string) => [...text.matchAll(/([\d.]+) ms/g)].map((m) => Number(m[1]));

/** BENCH_REPORT=<saved stdout> prints the table again from a run's JSON lines, without running anything. */
function reprint(file: string) {
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
  const config = lines.find((l) => l.phase === "config") ?? {};
  const pages = lines.find((l) => l.phase === "pages");
  const own = (l: Record<string, unknown>) => (l.app === "stepwise" || l.app === "better-auth") && !["rollout_propagation", "dashboard", "pages"].includes(String(l.phase));
  const results: Results = { date: String(config.date ?? pages?.date ?? ""), seconds: Number(config.phase_seconds ?? 0), lines: lines.filter(own) };
  results.comparison = lines.find((l) => l.phase === "comparison");
  results.rollout = lines.find((l) => l.phase === "rollout_propagation") as Results["rollout"];
  results.dashboard = lines.find((l) => l.phase === "dashboard") as Results["dashboard"];
  results.pages = pages as Results["pages"];
  printTable(results);
}

async function main() {
  if (process.env.BENCH_REPORT) return reprint(process.env.BENCH_REPORT);
  if ((only.has("auth") || only.has("rollout")) && !existsSync(join(distDir, "BUILD_ID"))) {
    throw new Error(`no production build in ${distDir}: run \`npx next build\` first (or set NEXT_DIST_DIR)`);
  }
  const started = Date.now();
  const results: Results = { date: new Date().toISOString(), seconds, lines: [] };

  if (only.has("auth")) {
    note("1–3. Stepwise: sign-in, second step, flows (bench/auth/run.ts)");
    const code = await run(["bench/auth/run.ts"], process.env, (text) => {
      if (!text.startsWith("{")) return;
      const line = { app: "stepwise", ...(JSON.parse(text) as Record<string, unknown>) };
      results.lines.push(line);
      emit(line);
    });
    if (code !== 0) note(`bench/auth/run.ts exited ${code}`);
  }

  if (only.has("peer")) {
    note("3. peer: Better Auth (../shared/peers/better-auth/run.sh)");
    try {
      await runPeer({
        adminUrl,
        seconds,
        warmup,
        onLine: (parsed) => {
          const line = { app: "better-auth", ...parsed };
          results.lines.push(line);
          emit(line);
        },
      });
    } catch (error) {
      note(`peer failed: ${error instanceof Error ? error.message : error}`);
    }
  }
  const ours = results.lines.find((l) => l.app === "stepwise" && l.phase === "summary");
  const peer = results.lines.find((l) => l.app === "better-auth" && l.phase === "summary");
  if (ours && peer) {
    const perHash = (l: Record<string, unknown>) => (Number(l.raw_hash_per_s) ? Number(l.totp_flows_per_s) / Number(l.raw_hash_per_s) : null);
    const ratio = (key: string) => (Number(peer[key]) ? Number((Number(ours[key]) / Number(peer[key])).toFixed(3)) : null);
    results.comparison = {
      phase: "comparison",
      sign_ins_per_s_ours_over_peer: ratio("sign_ins_per_s"),
      sign_in_to_raw_hash_ratio_ours_over_peer: ratio("sign_in_to_raw_hash_ratio"),
      totp_flows_per_s_ours_over_peer: ratio("totp_flows_per_s"),
      raw_hash_per_s_ours_over_peer: ratio("raw_hash_per_s"),
      // Each side over its own hash ceiling: what is left when the two sides ran under different background load.
      totp_flow_to_raw_hash_ratio_ours_over_peer: perHash(ours) && perHash(peer) ? Number((perHash(ours)! / perHash(peer)!).toFixed(3)) : null,
      totp_replay_accepted: { stepwise: ours.totp_replay_accepted, "better-auth": peer.totp_replay_accepted },
      targets: { sign_ins_per_s_ours_over_peer: 1, totp_flows_per_s_ours_over_peer: 1 },
    };
    emit(results.comparison);
  }

  if (only.has("rollout")) {
    note("4. rollout propagation (bench/rollout-propagation/run.ts)");
    const output: string[] = [];
    const code = await run(["bench/rollout-propagation/run.ts"], process.env, (text) => output.push(text));
    const answered = numbers(output.find((l) => l.includes("A answered")) ?? "");
    const sent = numbers(output.find((l) => l.includes("flip sent")) ?? "");
    results.rollout = { phase: "rollout_propagation", app: "stepwise", exit_code: code, answered_to_served_ms: answered, sent_to_served_ms: sent, target_max_ms: 1000, output };
    emit(results.rollout);
  }

  if (only.has("dashboard")) {
    note(`4. dashboard queries at ${dashboardSize} accounts (bench/dashboard/run.ts, both passes at the same size)`);
    const output: string[] = [];
    const env = { ...process.env, SMALL: dashboardSize, LARGE: dashboardSize };
    const code = await run(["bench/dashboard/run.ts"], env, (text) => output.push(text));
    const queries = output
      .map((l) => /^\s{2}(\S.*?\))\s+([\d.]+) ms\s+([\d.]+) ms\s+([\d.]+) ms\s+([\d.]+) ms/.exec(l))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ query: m[1]!, p50_ms: Number(m[2]), p95_ms: Number(m[3]), repeat_p50_ms: Number(m[4]), repeat_p95_ms: Number(m[5]) }));
    results.dashboard = { phase: "dashboard", app: "stepwise", exit_code: code, accounts: Number(dashboardSize), queries, output };
    emit(results.dashboard);
  }

  if (only.has("pages")) {
    note("5. pages: Lighthouse and first-load JS (bench/pages/run.ts)");
    const code = await run(["bench/pages/run.ts"], process.env, (text) => {
      if (!text.startsWith("{")) return;
      const line = JSON.parse(text) as Record<string, unknown>;
      if (line.phase !== "pages") return;
      results.pages = line as Results["pages"];
      emit(line);
    });
    if (code !== 0) note(`bench/pages/run.ts exited ${code}`);
  }

  results.minutes = Number(((Date.now() - started) / 60_000).toFixed(1));
  printTable(results);
}

main().catch((error) => {
  note(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
