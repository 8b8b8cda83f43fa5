import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Workers re-read this file: the port is chosen once (scripts/test.sh exports a free one) and inherited.
process.env.E2E_PORT ??= String(3100 + (process.pid % 700));
const port = Number(process.env.E2E_PORT);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`);
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // A test's own budget only bounds a hang: each step fails on its own in 10 s (expect) or 30 s (navigations). On a
  // busy 2-core host a four-page staff test took 66 s (CI, 2026-12-02), so a whole test gets two minutes.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "en-US",
    // A failed test keeps its trace's actions, network and console, but neither a screencast nor DOM snapshots, which
    // are recorded for every test to keep a few: the screencast doubled Chromium's CPU (two-step-enable + factors, two
    // workers: 2.6 min with it, 1.8 without), and the snapshots cost a tenth of the machine's CPU (258 s against 227 s
    // for the same specs, 2026-12-03). The screenshot below still shows where it failed.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /e2e\/(rollout|authz|cluster)\// },
    // Launching wave 3 changes what French accounts are offered, which other specs check before any launch.
    { name: "rollout", use: { ...devices["Desktop Chrome"] }, testMatch: /e2e\/rollout\/.*\.spec\.ts/, dependencies: ["chromium"] },
    // The authorization matrix signs in viewer, operator and admin, whose codes each go to one phone: it runs last, after
    // every spec that signs them in (rollout too). Its cells read nothing the wave 3 launch changes.
    // One worker, so its spec files (fuzz, then the matrix) share the staff's single sign-in.
    { name: "authz", use: { ...devices["Desktop Chrome"] }, testMatch: /e2e\/authz\/.*\.spec\.ts/, dependencies: ["rollout"], workers: 1 },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
