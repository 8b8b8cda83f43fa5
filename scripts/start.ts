// `npm start`: prepare the database, build once if there is no build, then serve on PORT (default 3000).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { devInboxEnabled, messagingConfig } from "@/lib/messaging/config";
import { nextStart } from "./server-limits";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The embedded demo keeps its own secrets in .data; several instances must share one set in the environment. */
function localSecret(name: "AUTH_SECRET" | "TOTP_ENCRYPTION_KEY", file: string, encoding: "base64url" | "base64") {
  if (process.env[name]) return process.env[name];
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString(encoding), { mode: 0o600 });
  }
  if (process.env.DATABASE_URL) console.warn(`${name} is not set: using ${file}. Set ${name} when running several instances.`);
  return readFileSync(file, "utf8").trim();
}

const env = {
  ...process.env,
  AUTH_SECRET: localSecret("AUTH_SECRET", ".data/auth-secret", "base64url"),
  TOTP_ENCRYPTION_KEY: localSecret("TOTP_ENCRYPTION_KEY", ".data/totp-key", "base64"),
  NEXT_TELEMETRY_DISABLED: "1",
};
try {
  messagingConfig(env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const tsx = "node_modules/.bin/tsx";
const next = "node_modules/.bin/next";

run(tsx, ["scripts/prepare-db.ts"], env);
if (!existsSync(".next/BUILD_ID") || process.argv.includes("--build")) {
  console.log("Building Stepwise (first start only; takes about a minute)…");
  run(next, ["build"], env);
}
// The dev inbox shows every code and email sent to anyone: while it is on, only this machine is answered unless HOST
// says otherwise (next start's own default, every interface, would show the codes to the whole network).
const hostname = process.env.HOST?.trim() || (devInboxEnabled(env) ? "127.0.0.1" : undefined);
if (hostname === "127.0.0.1" && !process.env.HOST) console.log("The dev inbox is on: listening on 127.0.0.1 only (set HOST=0.0.0.0 to open it to the network).");
const start = nextStart({ port: process.env.PORT ?? "3000", hostname, env });
const server = spawn(start.command, start.args, { stdio: "inherit", env: start.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
