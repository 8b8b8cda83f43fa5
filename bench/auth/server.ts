// The app under test: `next start` (bench/start-instance.ts) with the event-loop monitor preloaded from outside the
// app (loop-lag.mjs).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startInstance } from "../start-instance";

export async function startServer(base: string, env: NodeJS.ProcessEnv) {
  const lagFile = join(tmpdir(), `stepwise-bench-lag-${process.pid}.json`);
  rmSync(lagFile, { force: true });
  const preload = `--import=${resolve("bench/auth/loop-lag.mjs")}`;
  const server = await startInstance(base, { ...env, BENCH_LOOP_LAG_FILE: lagFile, NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" ") });
  // Never leave a server behind, whatever ends this process.
  process.once("exit", () => server.exitCode === null && server.kill("SIGKILL"));
  let seq = 0;

  /** The lag histogram since the previous call (the first call just starts a new one). */
  async function loopLag() {
    server.kill("SIGUSR2");
    for (let i = 0; i < 400; i++) {
      await sleep(25);
      if (!existsSync(lagFile)) continue;
      const stats = JSON.parse(readFileSync(lagFile, "utf8")) as { seq: number; mean_ms: number; p50_ms: number; p99_ms: number; max_ms: number };
      if (stats.seq > seq) {
        seq = stats.seq;
        const { mean_ms, p50_ms, p99_ms, max_ms } = stats;
        return { mean_ms, p50_ms, p99_ms, max_ms };
      }
    }
    return null;
  }

  async function stop() {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await Promise.race([new Promise((r) => server.once("exit", r)), sleep(5000)]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    rmSync(lagFile, { force: true });
  }

  return { server, loopLag, stop };
}

export type Server = Awaited<ReturnType<typeof startServer>>;

/** Runs a bench script as a child process; resolves with its last stdout line parsed as JSON. */
export function runJsonChild(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolvePromise) => {
    const child: ChildProcess = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      try {
        resolvePromise(JSON.parse(out.trim().split("\n").pop() ?? ""));
      } catch {
        resolvePromise({ error: `${args.join(" ")} exited ${code}`, output: out.slice(0, 300) });
      }
    });
  });
}
