import { deliverMessage } from "./deliver-message";
import { safeErrorMessage } from "./safe-error-message";

/**
 * Sends a message queued inside a transaction, once that transaction has committed. A failure is only logged: the
 * outbox worker retries it with backoff.
 */
export async function sendQueued(id: string, now?: Date) {
  try {
    await deliverMessage(id, { now });
  } catch (error) {
    console.error(`[outbox] immediate delivery of ${id} failed: ${safeErrorMessage(error)}`);
  }
}
