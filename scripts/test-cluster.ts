// npm run test:cluster — two `next start` instances on ONE fresh PostgreSQL database behind Debian's nginx
// (round-robin, loopback only; over HTTP and, with a certificate made for the run by openssl, HTTPS), then
// Playwright (playwright.cluster.config.ts) through nginx and, for the specs in
// e2e/cluster/, against each instance directly. Everything started here is stopped, and the database dropped, on
// success, failure and Ctrl-C alike.
//
//   CLUSTER_ADMIN_DATABASE_URL  where to create/drop the database (default postgres://postgres@127.0.0.1:5432/postgres)
//   NEXT_DIST_DIR               the build to serve (default .next; built first if it is missing)
//   CLUSTER_PORT_BASE           look for the three free ports from here up (default: any free port the OS gives)
//   NGINX                       the nginx binary (default /usr/sbin/nginx, else nginx on PATH)
//   PLAYWRIGHT_JSON_OUTPUT_NAME JSON report path (as in scripts/test.sh); other arguments go to `playwright test`
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { nextStart } from "./server-limits";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const adminUrl = process.env.CLUSTER_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const dbName = `stepwise_cluster_${process.pid}`;
// Debian installs nginx in /usr/sbin, which is not on every user's PATH.
const nginx = process.env.NGINX ?? (existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx");
const work = mkdtempSync(join(tmpdir(), "stepwise-cluster-"));
const started = Date.now();

const children: ChildProcess[] = [];
let databaseCreated = false;
let cleaning: Promise<void> | undefined;

const log = (line: string) => console.log(`[cluster] ${line}`);

/** A port free on 127.0.0.1 (and on ::1 when this machine has IPv6 loopback), from `from` up or from the OS. */
async function freePort(from: number | undefined, taken: Set<number>): Promise<number> {
  const tryListen = (port: number, host: string) =>
    new Promise<number | "busy" | "no-host">((done) => {
      const server = createServer();
      server.once("error", (error: NodeJS.ErrnoException) => done(error.code === "EADDRNOTAVAIL" || error.code === "EAFNOSUPPORT" ? "no-host" : "busy"));
      server.listen({ port, host, exclusive: true }, () => {
        const bound = (server.address() as { port: number }).port;
        server.close(() => done(bound));
      });
    });
  for (let candidate = from ?? 0, tries = 0; tries < 200; tries++, candidate = from ? candidate + 1 : 0) {
    const port = await tryListen(candidate, "127.0.0.1");
    if (typeof port !== "number" || taken.has(port)) continue;
    const v6 = await tryListen(port, "::1");
    if (v6 === "busy") continue;
    taken.add(port);
    return port;
  }
  throw new Error(`no free port${from ? ` from ${from}` : ""}`);
}

async function hasIpv6Loopback() {
  return new Promise<boolean>((done) => {
    const server = createServer();
    server.once("error", () => done(false));
    server.listen({ port: 0, host: "::1" }, () => server.close(() => done(true)));
  });
}

async function waitForHealth(url: string, child: ChildProcess, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering ${url}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Runs `command` to completion with inherited output; throws on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** A long-running child whose output goes to `<work>/<name>.log` (printed if the run fails). */
function startChild(name: string, { command, args, env }: { command: string; args: string[]; env: NodeJS.ProcessEnv }) {
  const out = openSync(join(work, `${name}.log`), "a");
  const child = spawn(command, args, { env, stdio: ["ignore", out, out] });
  closeSync(out);
  children.push(child);
  return child;
}

function nginxConfig({ listen, upstreams, tls }: { listen: string[]; upstreams: string[]; tls: { listen: string[]; certificate: string; key: string } }) {
  const dir = join(work, "nginx");
  // Both servers pass everything to the instances alike.
  const location = `    location / {
      proxy_pass http://stepwise;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # Host WITH its port ($http_host, not $host): Next compares a server action's Origin with X-Forwarded-Host
      # (else Host), and the app's own same-origin check does the same; "localhost" would not match "localhost:8080".
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Port $server_port;
      # The edge proxy replaces whatever the client sent: the app takes the last X-Forwarded-For entry
      # (TRUSTED_PROXY_HOPS=0), which is then always the address nginx saw.
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Real-IP $remote_addr;
      # Country hints the app accepts from a CDN (lib/auth/request-context.ts): never from the client.
      proxy_set_header CF-IPCountry "";
      proxy_set_header X-Vercel-IP-Country "";
      proxy_set_header X-Country "";
      # Pages stream (React Suspense): pass bytes on as they come.
      proxy_buffering off;
      proxy_read_timeout 120s;
    }
`;
  return `# Written by scripts/test-cluster.ts: a throwaway nginx in front of the cluster, everything kept in ${dir}.
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;

events {
  worker_connections 512;
}

http {
  log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr $request_time s';
  access_log ${dir}/access.log upstream;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  # Round-robin (nginx's default) over the instances; they share nothing but PostgreSQL, so no stickiness.
  upstream stepwise {
${upstreams.map((u) => `    server ${u};`).join("\n")}
    keepalive 16;
    keepalive_timeout 60s; # nginx's default, under the instances' 65 s (nextStart): nginx closes first
  }

  server {
${listen.map((l) => `    listen ${l};`).join("\n")}
    server_name localhost;
    client_max_body_size 1m;
${location}  }

  # The same, over HTTPS with a throwaway self-signed certificate: what the app does when the proxy says https
  # (X-Forwarded-Proto), as in production (e2e/cluster/https.spec.ts).
  server {
${tls.listen.map((l) => `    listen ${l} ssl;`).join("\n")}
    server_name localhost;
    client_max_body_size 1m;
    ssl_certificate ${tls.certificate};
    ssl_certificate_key ${tls.key};
${location}  }
}
`;
}

async function cleanUp() {
  cleaning ??= (async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const deadline = Date.now() + 10_000;
    while (children.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) await sleep(100);
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (databaseCreated) {
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(`drop database if exists ${dbName} with (force)`);
        log(`dropped database ${dbName}`);
      } catch (error) {
        console.error(`[cluster] could not drop database ${dbName}: ${(error as Error).message}`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    }
  })();
  return cleaning;
}

function printLogs() {
  for (const name of ["instance-a", "instance-b", "nginx/error"]) {
    const file = join(work, `${name}.log`);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8").trim().split("\n").slice(-40).join("\n");
    if (text) console.error(`\n--- last lines of ${file}\n${text}`);
  }
}

async function main(): Promise<number> {
  if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error(`unexpected database name ${dbName}`);
  if (spawnSync(nginx, ["-v"], { stdio: "ignore" }).error) throw new Error("nginx not found: run 'apt-get install -y nginx' (Debian) or set NGINX");

  // The build all instances serve: one build, so the server-action ids and their encryption key agree everywhere.
  if (!existsSync(join(distDir, "BUILD_ID"))) {
    log(`no build in ${distDir}: building (next build)…`);
    const tsconfig = readFileSync("tsconfig.json", "utf8");
    try {
      run("node_modules/.bin/next", ["build"], { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" }, "next build");
    } finally {
      // `next build` with a custom distDir adds its types folder to tsconfig.json: leave the file as it was.
      if (readFileSync("tsconfig.json", "utf8") !== tsconfig) writeFileSync("tsconfig.json", tsconfig);
    }
  }

  const from = process.env.CLUSTER_PORT_BASE ? Number(process.env.CLUSTER_PORT_BASE) : undefined;
  const taken = new Set<number>();
  const [portA, portB, portLb, portTls] = [await freePort(from, taken), await freePort(from, taken), await freePort(from, taken), await freePort(from, taken)];
  const origin = `http://localhost:${portLb}`;
  const httpsOrigin = `https://localhost:${portTls}`;
  const instanceA = `http://localhost:${portA}`;
  const instanceB = `http://localhost:${portB}`;

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin.unsafe(`create database ${dbName}`);
    databaseCreated = true;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  log(`database ${dbName}; instances ${instanceA} and ${instanceB}; nginx ${origin} and ${httpsOrigin}; logs in ${work}`);

  // The same environment as scripts/e2e-server.ts, identical on both instances; the public origin is nginx's.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    // The dashboards read through their own pool, as with a replica (here the same database: no lag to wait for).
    DATABASE_READ_URL: databaseUrl,
    NEXT_DIST_DIR: distDir,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-e2e-only-secret-e2e-only",
    TOTP_ENCRYPTION_KEY: process.env.TOTP_ENCRYPTION_KEY ?? "ZTJlLW9ubHktdG90cC1rZXktZTJlLW9ubHktdG90cC0=",
    NEXT_TELEMETRY_DISABLED: "1",
    STEPWISE_TEST_HOOKS: "1",
    SMS_TRANSPORT: "dev",
    CODE_RESEND_COOLDOWN_SECONDS: process.env.CODE_RESEND_COOLDOWN_SECONDS ?? "2",
    STEPWISE_DEMO_POPULATION: "0",
    WEBAUTHN_ORIGIN: origin,
    APP_URL: origin,
    // nginx overwrites X-Forwarded-For with the client's address and `next start` keeps it: the last entry is right.
    TRUSTED_PROXY_HOPS: "0",
    // Every browser of the suite is 127.0.0.1 to nginx, and the core flows sign up more accounts than a person would
    // in an hour (tests/accounts checks the limit itself).
    SIGNUP_IP_LIMIT: "100000",
    PHONE_SETUP_IP_LIMIT: "100000",
  };
  run("node_modules/.bin/tsx", ["scripts/prepare-db.ts"], env, "scripts/prepare-db.ts");

  // -H 127.0.0.1: the instances answer on loopback only (nginx, and the specs that address them directly).
  const a = startChild("instance-a", nextStart({ port: portA, hostname: "127.0.0.1", env }));
  const b = startChild("instance-b", nextStart({ port: portB, hostname: "127.0.0.1", env }));
  await Promise.all([waitForHealth(`${instanceA}/api/health`, a, "instance A"), waitForHealth(`${instanceB}/api/health`, b, "instance B")]);

  const nginxDir = join(work, "nginx");
  mkdirSync(nginxDir);
  // nginx's workers drop root: they must be able to enter the folder holding their temp files.
  chmodSync(work, 0o755);
  chmodSync(nginxDir, 0o755);
  const ipv6 = await hasIpv6Loopback();
  const loopbacks = (port: number) => [`127.0.0.1:${port}`, ...(ipv6 ? [`[::1]:${port}`] : [])];
  // A self-signed certificate for localhost, made for this run (the browser is told to accept it).
  const certificate = join(nginxDir, "localhost.crt");
  const key = join(nginxDir, "localhost.key");
  const subject = ["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"];
  run("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-keyout", key, "-out", certificate, ...subject], process.env, "openssl req");
  const confPath = join(nginxDir, "nginx.conf");
  writeFileSync(confPath, nginxConfig({ listen: loopbacks(portLb), upstreams: [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`], tls: { listen: loopbacks(portTls), certificate, key } }));
  run(nginx, ["-t", "-q", "-p", nginxDir, "-e", join(nginxDir, "error.log"), "-c", confPath], process.env, "nginx -t");
  const lb = startChild("nginx/stdout", { command: nginx, args: ["-p", nginxDir, "-e", join(nginxDir, "error.log"), "-c", confPath], env: process.env });
  await waitForHealth(`${origin}/api/health`, lb, "nginx", 15_000);
  log(`cluster up in ${Math.round((Date.now() - started) / 1000)} s`);

  const playwright = spawn("node_modules/.bin/playwright", ["test", "--config", "playwright.cluster.config.ts", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, CLUSTER_BASE_URL: origin, CLUSTER_HTTPS_URL: httpsOrigin, CLUSTER_INSTANCE_A: instanceA, CLUSTER_INSTANCE_B: instanceB },
  });
  children.push(playwright);
  const code = await new Promise<number>((done) => playwright.on("exit", (c, signal) => done(c ?? (signal ? 1 : 0))));
  if (code !== 0) {
    printLogs();
    return code;
  }
  // Round-robin means both instances served the flows that went through nginx: a cluster of one proves nothing.
  const served = nginxShares(join(nginxDir, "access.log"), { A: `127.0.0.1:${portA}`, B: `127.0.0.1:${portB}` });
  log(`nginx passed ${served.A} requests to instance A and ${served.B} to instance B`);
  if (!served.A || !served.B) {
    console.error("[cluster] one instance got no traffic through nginx");
    return 1;
  }
  return 0;
}

/** Requests nginx passed to each upstream, from its access log (`upstream=<addr>`; a retried request counts for each). */
function nginxShares(file: string, upstreams: Record<"A" | "B", string>) {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  const used = text.split("\n").map((line) => line.match(/ upstream=(\S+(?:, \S+)*) /)?.[1]?.split(", ") ?? []);
  const count = (addr: string) => used.filter((addrs) => addrs.includes(addr)).length;
  return { A: count(upstreams.A), B: count(upstreams.B) };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // tsx relays the terminal's signal to this process too: the second one finds the clean-up under way.
    if (!cleaning) log(`${signal}: stopping the cluster`);
    void cleanUp().then(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
    printLogs();
    return 1;
  })
  .then(async (code) => {
    await cleanUp();
    if (code === 0) rmSync(work, { recursive: true, force: true });
    log(`${code === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s${code === 0 ? "" : ` (logs kept in ${work})`}`);
    process.exit(code);
  });
