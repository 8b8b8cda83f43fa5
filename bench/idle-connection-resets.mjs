// How many requests on a reused keep-alive connection get a reset instead of an answer, after an idle gap around
// the server's keep-alive timeout, while the server is busy. Clients are Playwright's request contexts (their agent
// keeps idle connections with no limit of its own, as nginx's upstream pool does); load is page requests.
//   BASE=http://localhost:3000 node bench/idle-connection-resets.mjs
// Knobs: MINUTES (3), CONTEXTS (40), GAP_MIN_MS / GAP_MAX_MS (4500 / 6500: Node's default closes at ~6 s),
// LOAD_CLIENTS (6). Prints one JSON line.
import { request } from "@playwright/test";

const base = process.env.BASE ?? "http://localhost:3000";
const num = (name, fallback) => Number(process.env[name] ?? fallback);
const end = Date.now() + num("MINUTES", 3) * 60_000;
const [gapMin, gapMax] = [num("GAP_MIN_MS", 4500), num("GAP_MAX_MS", 6500)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const outcomes = { answered: 0, reset: 0, other_errors: 0 };
const resetGapsMs = [];
let loadRequests = 0;

async function idleClient() {
  const context = await request.newContext({ baseURL: base });
  let gap = 0;
  while (Date.now() < end) {
    try {
      await (await context.get("/api/health")).body();
      outcomes.answered++;
    } catch (error) {
      if (!String(error).includes("ECONNRESET")) outcomes.other_errors++;
      else {
        outcomes.reset++;
        resetGapsMs.push(Math.round(gap));
      }
    }
    gap = gapMin + Math.random() * (gapMax - gapMin);
    await sleep(gap);
  }
  await context.dispose();
}

async function loadClient() {
  while (Date.now() < end) await fetch(`${base}/sign-in`).then((r) => r.text(), () => null).then(() => loadRequests++);
}

const keepAlive = (await fetch(`${base}/api/health`)).headers.get("keep-alive");
await Promise.all([...Array.from({ length: num("CONTEXTS", 40) }, idleClient), ...Array.from({ length: num("LOAD_CLIENTS", 6) }, loadClient)]);
console.log(JSON.stringify({ bench: "idle-connection-resets", base, server_keep_alive: keepAlive, gap_ms: [gapMin, gapMax], ...outcomes, reset_after_gaps_ms: resetGapsMs, load_requests: loadRequests }));
