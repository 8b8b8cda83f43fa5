// Outbox retry rules. Pure: no I/O, clocks passed in.

/** Sends per message before it is given up as failed. */
export const maxAttempts = 6;

/** How long a claimed message stays invisible to other instances; longer than any transport timeout (10 s). */
export const claimLeaseMs = 2 * 60_000;

/** Wait after the `attempt`-th failed send (1-based): 30 s, 1 min, 2 min, 4 min, 8 min. */
export function backoffMs(attempt: number): number {
  return 30_000 * 2 ** Math.max(0, attempt - 1);
}

export type RetryDecision = { retry: true; at: Date } | { retry: false };

/** After a failed send: try again later, or give up (permanent error, or out of attempts). */
export function afterFailure({
  attempt,
  retryable,
  retryAfterMs = 0,
  now,
}: {
  attempt: number;
  retryable: boolean;
  retryAfterMs?: number;
  now: Date;
}): RetryDecision {
  if (!retryable || attempt >= maxAttempts) return { retry: false };
  return { retry: true, at: new Date(now.getTime() + Math.max(backoffMs(attempt), retryAfterMs)) };
}
