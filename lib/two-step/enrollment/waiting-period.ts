export type WaitingReason = "password" | "email" | "phone";

export interface AccountChange {
  reason: WaitingReason;
  at: Date;
}

export interface WaitingPeriod {
  reason: WaitingReason;
  changedAt: Date;
  until: Date;
}

export const defaultWaitingDays = 3;
const dayMs = 24 * 60 * 60_000;

/**
 * Pure. Apple's rule: after a change of password, email or trusted phone, 2SV can be turned on only once `days`
 * have passed, so someone who just took over an account cannot lock its owner out. Returns the change that ends
 * last, or null when enabling may go ahead now. At exactly `days` after the change the wait is over.
 */
export function waitingPeriod({ changes, now, days }: { changes: AccountChange[]; now: Date; days: number }): WaitingPeriod | null {
  if (days <= 0) return null;
  let longest: WaitingPeriod | null = null;
  for (const change of changes) {
    const until = new Date(change.at.getTime() + days * dayMs);
    if (until <= now) continue;
    if (!longest || until > longest.until) longest = { reason: change.reason, changedAt: change.at, until };
  }
  return longest;
}

/** TWO_STEP_WAITING_DAYS: a whole or fractional number of days from 0 (off) to 30; default 3. */
export function waitingDaysFromEnv(source: Record<string, string | undefined> = process.env): number {
  const raw = source.TWO_STEP_WAITING_DAYS?.trim();
  if (!raw) return defaultWaitingDays;
  const days = Number(raw);
  if (!Number.isFinite(days) || days < 0 || days > 30) {
    throw new Error(`Invalid environment: TWO_STEP_WAITING_DAYS must be a number of days from 0 to 30 (got "${raw.slice(0, 20)}")`);
  }
  return days;
}
