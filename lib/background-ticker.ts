import { safeErrorMessage } from "@/lib/messaging/safe-error-message";

/**
 * Wraps background work run on an interval (the outbox, the rate-limit sweep) so that a tick arriving while the
 * previous one still runs is skipped, and a failing tick logs one line (`failure`: what failed) instead of crashing
 * the process. The returned tick resolves to false when skipped.
 */
export function createTicker(failure: string, work: () => Promise<unknown>): () => Promise<boolean> {
  let running = false;
  return async () => {
    if (running) return false;
    running = true;
    try {
      await work();
    } catch (error) {
      console.error(`${failure}: ${safeErrorMessage(error)}`);
    } finally {
      running = false;
    }
    return true;
  };
}
