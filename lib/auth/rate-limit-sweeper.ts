import { createTicker } from "@/lib/background-ticker";
import { purgeExpiredRateLimits } from "./rate-limit";

// A tick deletes at most this many batches, so one sweep of a flooded table cannot hold a connection for long;
// the next tick goes on.
const MAX_BATCHES = 20;

const globalForSweeper = globalThis as unknown as { stepwiseRateLimitSweeper?: ReturnType<typeof setInterval> };

/**
 * Deletes ended rate-limit windows every 10 minutes inside the web server, so a spray of addresses and IPs does not
 * grow the table for ever. Every instance may run one: deleting an ended window twice is harmless, and a hit on
 * an ended window starts from 1 whether or not its row is still there. Once per process.
 */
export function startRateLimitSweeper({ intervalMs = 10 * 60_000 }: { intervalMs?: number } = {}) {
  if (globalForSweeper.stepwiseRateLimitSweeper) return;
  const tick = createTicker("[rate-limits] sweep failed", async () => {
    for (let i = 0; i < MAX_BATCHES && (await purgeExpiredRateLimits()) > 0; i++);
  });
  globalForSweeper.stepwiseRateLimitSweeper = setInterval(tick, intervalMs);
  globalForSweeper.stepwiseRateLimitSweeper.unref();
}

export function stopRateLimitSweeper() {
  clearInterval(globalForSweeper.stepwiseRateLimitSweeper);
  globalForSweeper.stepwiseRateLimitSweeper = undefined;
}
