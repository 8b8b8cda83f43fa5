// The peer, Better Auth 1.7 (../shared/peers/better-auth), run by its own run.sh from a writable copy, on a fresh
// database of its own beside ours. Its node_modules stay in the copy (keyed by its lockfile), so `npm ci` runs once
// per machine and later runs pass SKIP_INSTALL=1.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import postgres from "postgres";

export async function runPeer(options: { adminUrl: string; seconds: number; warmup: number; onLine: (line: Record<string, unknown>) => void }) {
  const source = resolve(process.env.PEER_DIR || "../shared/peers/better-auth");
  if (!existsSync(join(source, "run.sh"))) throw new Error(`no peer harness at ${source} (set PEER_DIR)`);
  const lockHash = createHash("sha256").update(readFileSync(join(source, "package-lock.json"))).digest("hex").slice(0, 12);
  const copy = join(tmpdir(), `stepwise-peer-better-auth-${lockHash}`);
  mkdirSync(copy, { recursive: true });
  for (const file of readdirSync(source)) {
    if (file === "node_modules" || !statSync(join(source, file)).isFile()) continue;
    rmSync(join(copy, file), { force: true });
    copyFileSync(join(source, file), join(copy, file));
    chmodSync(join(copy, file), file.endsWith(".sh") ? 0o755 : 0o644);
  }
  const installed = ["better-auth", "pg", "@node-rs/argon2"].every((pkg) => existsSync(join(copy, "node_modules", pkg, "package.json")));
  const peerDb = `peer_stepwise_${randomBytes(4).toString("hex")}`;
  const env = {
    ...process.env,
    DATABASE_URL: options.adminUrl,
    PEER_DB: peerDb,
    HASH: "argon2id",
    PHASE_SECONDS: String(options.seconds),
    WARMUP_SECONDS: String(options.warmup),
    SKIP_INSTALL: installed ? "1" : "0",
  };
  try {
    const code = await new Promise<number | null>((done) => {
      const child = spawn("bash", ["run.sh"], { cwd: copy, env, stdio: ["ignore", "pipe", "inherit"] });
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        let at: number;
        while ((at = buffer.indexOf("\n")) >= 0) {
          const text = buffer.slice(0, at).trim();
          buffer = buffer.slice(at + 1);
          if (!text.startsWith("{")) continue;
          try {
            options.onLine(JSON.parse(text) as Record<string, unknown>);
          } catch {
            // not one of its JSON lines
          }
        }
      });
      const timer = setTimeout(() => child.kill("SIGTERM"), 25 * 60_000);
      child.on("exit", (exitCode) => {
        clearTimeout(timer);
        done(exitCode);
      });
    });
    if (code !== 0) throw new Error(`peer run.sh exited ${code}`);
    return { copy, installed_before: installed };
  } finally {
    const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${peerDb}" with (force)`);
    await admin.end();
  }
}
