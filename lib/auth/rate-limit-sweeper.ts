import { safeErrorMessage } from "@/lib/messaging/safe-error-message";
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
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (let i = 0; i < MAX_BATCHES && (await purgeExpiredRateLimits()) > 0; i++);
    } catch (error) {
      console.error(`[rate-limits] sweep failed: ${safeErrorMessage(error)}`);
    } finally {
      running = false;
    }
  };
  globalForSweeper.stepwiseRateLimitSweeper = setInterval(tick, intervalMs);
  globalForSweeper.stepwiseRateLimitSweeper.unref();
}

export function stopRateLimitSweeper() {
  clearInterval(globalForSweeper.stepwiseRateLimitSweeper);
  globalForSweeper.stepwiseRateLimitSweeper = undefined;
}
