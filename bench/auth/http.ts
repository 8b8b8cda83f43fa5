// The load generator's HTTP client: node:http with keep-alive (the same client the peer's harness uses, so both
// sides pay the same generator cost), a tiny cookie jar, and the closed-loop timer shared by every phase.
import http from "node:http";
import { gunzipSync } from "node:zlib";

export class Jar {
  private cookies = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.cookies.set(name, value);
  }

  take(setCookies: string[] | undefined) {
    for (const line of setCookies ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = value === "" || attributes.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a) || /^\s*expires\s*=\s*thu, 01 jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string) {
    return this.cookies.get(name);
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  copy() {
    return new Jar(Object.fromEntries(this.cookies));
  }
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, decompressed on first read only (most replies are judged by status and headers). */
  readonly text: string;
  ms: number;
  error?: string;
}

export function makeClient(base: string, maxSockets: number) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  function request(method: string, path: string, options: { body?: string | Buffer; headers?: Record<string, string>; jar?: Jar } = {}): Promise<Reply> {
    return new Promise((resolve) => {
      const headers: Record<string, string | number> = { origin: url.origin, ...options.headers };
      const cookie = options.jar?.header();
      if (cookie) headers.cookie = cookie;
      if (options.body !== undefined) headers["content-length"] = Buffer.byteLength(options.body);
      const started = performance.now();
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers, agent, timeout: 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          options.jar?.take(res.headers["set-cookie"]);
          const ms = performance.now() - started;
          const raw = Buffer.concat(chunks);
          const gzip = res.headers["content-encoding"] === "gzip";
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            ms,
            get text() {
              return (gzip ? gunzipSync(raw) : raw).toString("utf8");
            },
          });
        });
        res.on("error", (e) => resolve({ status: 0, headers: {}, text: "", ms: performance.now() - started, error: e.message }));
      });
      req.on("timeout", () => req.destroy(new Error("timeout 60 s")));
      req.on("error", (e) => resolve({ status: 0, headers: {}, text: "", ms: performance.now() - started, error: e.message }));
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });
  }
  return { request, origin: url.origin, close: () => agent.destroy() };
}

export type Client = ReturnType<typeof makeClient>;

export interface Outcome {
  ok: boolean;
  ms: number;
  /** A short label for a failure ("verify:http_500"); counted per kind. */
  error?: string;
  sample?: string;
}

export const round = (x: number | null, digits = 2) => (x === null || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * `concurrency` closed-loop lanes of `op` for `warmup` s (not counted) then `seconds` s. Throughput counts
 * completions inside the window; work still in flight at the deadline is awaited but not counted (as the peer does).
 */
export async function closedLoop(options: { concurrency: number; seconds: number; warmup: number }, op: (lane: number, measuring: () => boolean) => Promise<Outcome>) {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const samples: Record<string, string> = {};
  let ok = 0;
  let late = 0;
  let warmupOk = 0;
  let warmupErrors = 0;
  let cpu0 = process.cpuUsage();
  const start = performance.now();
  const warmEnd = start + options.warmup * 1000;
  const deadline = warmEnd + options.seconds * 1000;
  let measuring = options.warmup <= 0;
  const flip = setTimeout(() => {
    measuring = true;
    cpu0 = process.cpuUsage();
  }, options.warmup * 1000);
  async function lane(i: number) {
    while (performance.now() < deadline) {
      const outcome = await op(i, () => measuring);
      const end = performance.now();
      if (end <= warmEnd) {
        if (outcome.ok) warmupOk++;
        else warmupErrors++;
        continue;
      }
      if (outcome.ok) {
        if (end <= deadline) ok++;
        else late++;
        latencies.push(outcome.ms);
      } else {
        const kind = outcome.error ?? "error";
        errors[kind] = (errors[kind] ?? 0) + 1;
        samples[kind] ??= (outcome.sample ?? "").slice(0, 300);
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => lane(i)));
  clearTimeout(flip);
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  return {
    ok,
    window_s: options.seconds,
    per_s: round(ok / options.seconds)!,
    completed_after_window: late,
    warmup_s: options.warmup,
    warmup_ok: warmupOk,
    warmup_errors: warmupErrors,
    p50_ms: round(percentile(latencies, 50), 1),
    p99_ms: round(percentile(latencies, 99), 1),
    max_ms: round(latencies.at(-1) ?? null, 1),
    errors: errorCount,
    error_kinds: errors,
    ...(errorCount ? { error_samples: samples } : {}),
    loadgen_cpu_s: round((cpu.user + cpu.system) / 1e6),
  };
}

export type LoopResult = Awaited<ReturnType<typeof closedLoop>>;
