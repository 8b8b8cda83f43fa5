import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { nextStart } from "../scripts/server-limits";

/** `next start` on `base`'s port with `env`, resolved once /api/health answers (up to a minute). */
export async function startInstance(base: string, env: NodeJS.ProcessEnv) {
  // Production refuses to start without a TOTP key; bench instances share a throwaway one unless the caller sets it.
  const withKey = { TOTP_ENCRYPTION_KEY: "YmVuY2gtb25seS10b3RwLWtleS1iZW5jaC1vbmx5LTA=", ...env };
  const start = nextStart({ port: new URL(base).port, env: withKey });
  const server = spawn(start.command, start.args, { env: start.env, stdio: ["ignore", "ignore", "inherit"] });
  for (let tries = 0; ; tries++) {
    if (tries > 240) throw new Error(`next start on ${base} did not come up`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return server;
    await sleep(250);
  }
}
