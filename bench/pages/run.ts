// Page weight and speed: Lighthouse 12.2.3 in Debian's Chromium on sign-in, the second step, security settings and
// the admin dashboard, and the first-load JS of every account page from the build. Prints figures; asserts nothing.
//
//   npm run bench:pages                          (NEXT_DIST_DIR=… for another build folder; builds it if missing)
//
// Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres): a throwaway database
// is created, migrated, seeded with the demo accounts and a synthetic population (as `npm start` does), and dropped.
// One `next start` serves it. Sessions come from real sign-ins in Playwright's Chromium (bench/pages/sessions.ts);
// their cookies reach Lighthouse as an extra Cookie header. Knobs: RUNS (3 per page and form factor),
// FORM_FACTORS (mobile,desktop), PAGES (paths, e.g. /admin; all four), LIGHTHOUSE_REPORT_DIR (each full report), POPULATION (20000 synthetic accounts), PAGES_PORT (3396), CHROMIUM_PATH
// (/usr/bin/chromium). Stdout: one JSON line ("phase":"pages"), then a table; progress goes to stderr.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { printPagesTable, type PagesLine } from "../report";
import { createScratchDatabase } from "../scratch-database";
import { startInstance } from "../start-instance";
import { otherLoadMeter } from "./cpu";
import { firstLoadJs } from "./first-load-js";
import { audit, categories, launchChromium, type FormFactor, type RunResult } from "./lighthouse";
import { signInSessions, type Sessions } from "./sessions";

const distDir = process.env.NEXT_DIST_DIR || ".next";
const runs = Number(process.env.RUNS || 3);
const formFactors = (process.env.FORM_FACTORS || "mobile,desktop").split(",").map((s) => s.trim()) as FormFactor[];
const population = Number(process.env.POPULATION ?? 20_000);
const port = Number(process.env.PAGES_PORT || 3396);
// localhost, not 127.0.0.1: the origin WEBAUTHN_ORIGIN defaults to, and a secure context for Lighthouse either way.
const base = `http://localhost:${port}`;
const targets = { performance: 0.95, accessibility: 1, "best-practices": 0.95, first_load_js_gzip_kb: 150 };

const allPages: { name: string; path: string; session?: keyof Sessions }[] = [
  { name: "sign-in", path: "/sign-in" },
  { name: "second step", path: "/verify", session: "pending" },
  { name: "security settings", path: "/account/security", session: "holder" },
  { name: "admin dashboard", path: "/admin", session: "staff" },
];
const only = process.env.PAGES?.split(",").map((s) => s.trim());
const pages = only ? allPages.filter((p) => only.includes(p.path)) : allPages;

const note = (message: string) => process.stderr.write(`bench:pages: ${message}\n`);
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** `next build` into distDir when it has no build; the build rewrites tsconfig.json for a non-default folder: put it back. */
function buildIfMissing() {
  if (existsSync(join(distDir, "BUILD_ID"))) return;
  note(`no build in ${distDir}: next build (about a minute or two)`);
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  // Its output goes to stderr: stdout is for the JSON line and the table.
  const built = spawnSync("node_modules/.bin/next", ["build"], { stdio: ["ignore", 2, 2], env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
  if (built.status !== 0) throw new Error(`next build failed (${built.status})`);
}

async function main() {
  const started = Date.now();
  buildIfMissing();
  const js = firstLoadJs(distDir);

  const { name, url, admin, drop } = await createScratchDatabase("stepwise_pages");
  const meter = otherLoadMeter(admin, name);
  let server: ChildProcess | undefined;
  let chrome: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const { openPostgres, useDatabase: pointAppAt } = await import("@/db");
  const database = openPostgres(url.toString());
  try {
    note("migrating and seeding the demo");
    const { migrateDatabase } = await import("@/db/migrate");
    const { seedDatabase } = await import("@/db/seed");
    await migrateDatabase(database);
    await seedDatabase(database.db);
    pointAppAt(database);
    if (population > 0) {
      note(`adding ${population} synthetic accounts for the dashboard`);
      const { synthesizePopulation } = await import("@/db/synth");
      await synthesizePopulation(database.db, { accounts: population });
    }

    const env = { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: "bench-only-secret-bench-only-secret-0000", SMS_TRANSPORT: "dev", NEXT_TELEMETRY_DISABLED: "1", STEPWISE_TEST_HOOKS: "" };
    server = await startInstance(base, env);
    note("signing in (pending second step, account holder, staff admin)");
    const sessions = await signInSessions(base);

    chrome = await launchChromium();
    const results = new Map<string, RunResult[]>();
    const errored = new Map<string, number>();
    const loads = [loadavg()[0]!];
    const others: number[] = [];
    for (const formFactor of formFactors) {
      // Round-robin over the pages, so a burst of someone else's load does not land on one page's runs only.
      for (let run = 1; run <= runs; run++) {
        for (const page of pages) {
          const key = `${page.path} ${formFactor}`;
          // A run Lighthouse itself reports as broken (e.g. NO_NAVSTART, its trace lost the navigation) scores 0 in
          // performance and best practices: it is retried once, then left out of the median and counted.
          for (let attempt = 1; attempt <= 2; attempt++) {
            const t0 = Date.now();
            const before = await meter.snapshot();
            const result = await audit(chrome.port, `${base}${page.path}`, formFactor, page.session ? sessions[page.session] : undefined);
            const landed = new URL(result.final_url).pathname;
            if (landed !== page.path) throw new Error(`${page.path} ended on ${result.final_url}: the session did not hold`);
            const s = result.scores;
            const other = await meter.otherCores(before);
            others.push(other);
            loads.push(loadavg()[0]!);
            const took = `${((Date.now() - t0) / 1000).toFixed(0)} s, other jobs ${other.toFixed(2)} cores`;
            if (result.runtime_error) {
              note(`${formFactor} ${run}/${runs} ${page.path}: ${result.runtime_error} (${took})${attempt === 1 ? ", again" : ", left out"}`);
              if (attempt === 2) errored.set(key, (errored.get(key) ?? 0) + 1);
              continue;
            }
            results.set(key, [...(results.get(key) ?? []), result]);
            note(`${formFactor} ${run}/${runs} ${page.path}: ${categories.map((c) => Math.round((s[c] ?? 0) * 100)).join(" / ")} (${took})`);
            break;
          }
        }
      }
    }

    const line: PagesLine = {
      phase: "pages",
      app: "stepwise",
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim(), mem_gib: Number((totalmem() / 2 ** 30).toFixed(1)) },
      node: process.version,
      lighthouse: "12.2.3",
      chromium: await chromiumVersion(),
      runs,
      // 1-minute load average before the first Lighthouse run, its median after each run, and the highest seen
      // (other people's jobs share these cores).
      load_average: [loads[0]!, median(loads.slice(1))!, Math.max(...loads)].map((x) => Number(x.toFixed(1))),
      // Cores' worth of CPU used by processes that are not this bench's during each Lighthouse run: median, max.
      other_cores: [median(others) ?? 0, Math.max(0, ...others)].map((x) => Number(x.toFixed(2))),
      pages: [],
      first_load_js: js.map((r) => ({ ...r, browser_kb: null })),
      targets,
    };
    for (const formFactor of formFactors) {
      for (const page of pages) {
        const all = results.get(`${page.path} ${formFactor}`) ?? [];
        const med = Object.fromEntries(categories.map((c) => [c, median(all.flatMap((r) => (r.scores[c] === null ? [] : [r.scores[c]!])))])) as Record<string, number | null>;
        const failing = new Map<string, PagesLine["pages"][number]["failing"][number]>();
        for (const r of all) {
          for (const f of r.failing) {
            const seen = failing.get(`${f.category}:${f.id}`);
            failing.set(`${f.category}:${f.id}`, { category: f.category, id: f.id, title: f.title, weight: f.weight, runs: (seen?.runs ?? 0) + 1, ...(f.display ? { display: f.display } : {}), examples: seen?.examples.length ? seen.examples : f.examples });
          }
        }
        const metric = (k: keyof RunResult["metrics"]) => median(all.flatMap((r) => (typeof r.metrics[k] === "number" ? [r.metrics[k]!] : [])));
        line.pages.push({
          name: page.name,
          path: page.path,
          form_factor: formFactor,
          median: med,
          metrics_median: { fcp_ms: metric("fcp_ms"), lcp_ms: metric("lcp_ms"), tbt_ms: metric("tbt_ms"), cls: metric("cls"), si_ms: metric("si_ms") },
          benchmark_index: median(all.flatMap((r) => (r.benchmark_index ? [r.benchmark_index] : []))),
          scripts_median: { count: median(all.map((r) => r.scripts.count)), transfer_kb: median(all.map((r) => r.scripts.transfer_kb)) },
          ...(errored.get(`${page.path} ${formFactor}`) ? { errored_runs: errored.get(`${page.path} ${formFactor}`) } : {}),
          errored_audits: [...new Map(all.flatMap((r) => r.errored).map((e) => [e.id, e])).values()],
          failing: [...failing.values()],
        });
        const entry = line.first_load_js.find((x) => x.route === page.path);
        if (entry && entry.browser_kb === null) entry.browser_kb = median(all.map((r) => r.scripts.transfer_kb));
      }
    }
    line.minutes = Number(((Date.now() - started) / 60_000).toFixed(1));
    process.stdout.write(`${JSON.stringify(line)}\n`);
    const m = line.machine as { cores: number; cpu?: string; mem_gib: number };
    printPagesTable(line, `Stepwise pages — ${line.date}, ${m.cores} vCPU ${m.cpu ?? ""} ${m.mem_gib} GiB, Node ${process.version}, Lighthouse 12.2.3 in ${line.chromium}, ${line.minutes} min, other jobs ${line.other_cores?.join(" / ")} cores (median / max of the runs)`);
  } finally {
    await chrome?.kill();
    server?.kill("SIGTERM");
    await database.close();
    await sleep(500);
    await drop();
  }
}

async function chromiumVersion() {
  const out = spawnSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium", ["--version"], { encoding: "utf8" });
  return out.stdout.trim().replace(/ built on.*/, "") || "Chromium";
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    note(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
