import { sql } from "drizzle-orm";
import { database } from "./index";

/** How long a probe may take before the database counts as unavailable, and how long its answer is reused. */
export const probeTimeoutMs = 3_000;
export const probeReuseMs = 1_000;

interface Gate { checkedAt: number; up: boolean; probe: Promise<boolean> | null }
// On globalThis, like the pool: the proxy and the pages are separate bundles in one process.
const shared = globalThis as unknown as { stepwiseDbGate?: Gate };

/** `select 1`, answered within the timeout or counted as down (a stopped or frozen server makes queries wait). */
export async function probeDatabase(timeoutMs = probeTimeoutMs): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([database().db.execute(sql`select 1`).then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether requests should go ahead: at most one probe per second per instance, shared by every request meanwhile, so
 * while PostgreSQL is away requests are refused at once with a 503 instead of waiting on the driver's reconnects.
 */
export async function databaseAnswering({ now = Date.now(), probe = probeDatabase } = {}): Promise<boolean> {
  // PGlite lives in this process: it cannot be away while the app runs, only busy.
  if (database().driver === "pglite") return true;
  const gate = (shared.stepwiseDbGate ??= { checkedAt: -Infinity, up: true, probe: null });
  if (now - gate.checkedAt < probeReuseMs) return gate.up;
  gate.probe ??= probe().then((up) => {
    Object.assign(gate, { up, checkedAt: now, probe: null });
    return up;
  });
  return gate.probe;
}

/** Tests start from a gate that has never probed. */
export function resetDatabaseGate() {
  shared.stepwiseDbGate = undefined;
}
