// Playwright's web server: a fresh database (its own PGlite folder, or DATABASE_URL as given), then `next start`.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nextStart } from "./server-limits";

const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-e2e-only-secret-e2e-only",
  TOTP_ENCRYPTION_KEY: process.env.TOTP_ENCRYPTION_KEY ?? "ZTJlLW9ubHktdG90cC1rZXktZTJlLW9ubHktdG90cC0=",
  NEXT_TELEMETRY_DISABLED: "1",
  STEPWISE_TEST_HOOKS: "1",
  SMS_TRANSPORT: process.env.SMS_TRANSPORT ?? "dev",
  // Codes to one account are 30 s apart in production; the suite's flows send several in a row.
  CODE_RESEND_COOLDOWN_SECONDS: process.env.CODE_RESEND_COOLDOWN_SECONDS ?? "2",
  // Every browser of the suite is 127.0.0.1 (Next passes the socket's address on as X-Forwarded-For), and the suite
  // signs up far more accounts than a person would in an hour (tests/accounts checks the limit itself).
  SIGNUP_IP_LIMIT: "100000",
  PHONE_SETUP_IP_LIMIT: "100000",
  // The suite counts accounts and events: no synthetic population (scripts/prepare-db.ts).
  STEPWISE_DEMO_POPULATION: "0",
  WEBAUTHN_ORIGIN: `http://localhost:${process.env.E2E_PORT ?? "3100"}`,
  // Links in the emails the dev inbox shows lead back to this server.
  APP_URL: process.env.APP_URL ?? `http://localhost:${process.env.E2E_PORT ?? "3100"}`,
};
if (!env.DATABASE_URL) env.DATA_DIR = join(mkdtempSync(join(tmpdir(), "stepwise-e2e-")), "pglite");

const prepared = spawnSync("node_modules/.bin/tsx", ["scripts/prepare-db.ts"], { stdio: "inherit", env });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const start = nextStart({ port: process.env.E2E_PORT ?? "3100", env });
const server = spawn(start.command, start.args, { stdio: "inherit", env: start.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
