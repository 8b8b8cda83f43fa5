import { drainOutbox } from "./deliver-message";
import { safeErrorMessage } from "./safe-error-message";

/**
 * Wraps a drain so that a tick arriving while the previous one still runs (slow provider, 10 s timeouts) is
 * skipped, and a failing tick logs one line instead of crashing the process. Resolves to false when skipped.
 */
export function createOutboxTicker(drain: () => Promise<unknown>): () => Promise<boolean> {
  let running = false;
  return async () => {
    if (running) return false;
    running = true;
    try {
      await drain();
    } catch (error) {
      console.error(`[outbox] drain failed: ${safeErrorMessage(error)}`);
    } finally {
      running = false;
    }
    return true;
  };
}

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
