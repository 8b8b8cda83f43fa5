import { defineConfig, devices } from "@playwright/test";
import base from "./playwright.config";

// `npm run test:cluster` (scripts/test-cluster.ts) starts two `next start` instances on one PostgreSQL database
// behind nginx and runs this config against them: no webServer here. baseURL is nginx; e2e/cluster/ also addresses
// each instance directly (CLUSTER_INSTANCE_A / CLUSTER_INSTANCE_B, see e2e/cluster/instances.ts).
const origin = process.env.CLUSTER_BASE_URL;
if (!origin || !process.env.CLUSTER_INSTANCE_A || !process.env.CLUSTER_INSTANCE_B) {
  throw new Error("playwright.cluster.config.ts runs against a cluster: start it with `npm run test:cluster`.");
}

const desktop = devices["Desktop Chrome"];
// The core flows, reused as they are: sign up, enable 2SV, sign in with a code pushed to a trusted browser.
const core = [/e2e\/account\/sign-up\.spec\.ts/, /e2e\/two-step-enable\/enable-with-sms\.spec\.ts/, /e2e\/two-step-push\/pushed-code\.spec\.ts/];

export default defineConfig({
  ...base,
  webServer: undefined,
  use: { ...base.use, baseURL: origin },
  projects: [
    { name: "cluster-core", use: { ...desktop }, testMatch: core },
    { name: "cluster-shared-state", use: { ...desktop }, testMatch: /e2e\/cluster\/.*\.spec\.ts/ },
    // Launching wave 3 (approval, then the live dashboard) changes what French accounts are offered, which the sign-up
    // spec checks before any launch: it runs last, as in playwright.config.ts.
    { name: "cluster-rollout", use: { ...desktop }, testMatch: /e2e\/rollout\/wave-3\.spec\.ts/, dependencies: ["cluster-core", "cluster-shared-state"] },
  ],
});
