import { createTicker } from "@/lib/background-ticker";
import { drainOutbox } from "./deliver-message";

/** A drain that skips a tick while the previous one still runs (slow provider, 10 s timeouts) and logs a failure. */
export const createOutboxTicker = (drain: () => Promise<unknown>) => createTicker("[outbox] drain failed", drain);

const globalForWorker = globalThis as unknown as { stepwiseOutboxWorker?: ReturnType<typeof setInterval> };

/**
 * Sends due messages (retries included) every few seconds inside the web server, so no separate worker process is
 * needed. Every instance may run one: claims are exclusive. Once per process, also across dev hot reloads.
 */
export function startOutboxWorker({ intervalMs = 5_000 }: { intervalMs?: number } = {}) {
  if (globalForWorker.stepwiseOutboxWorker) return;
  const tick = createOutboxTicker(() => drainOutbox());
  globalForWorker.stepwiseOutboxWorker = setInterval(tick, intervalMs);
  globalForWorker.stepwiseOutboxWorker.unref();
}

export function stopOutboxWorker() {
  clearInterval(globalForWorker.stepwiseOutboxWorker);
  globalForWorker.stepwiseOutboxWorker = undefined;
}
