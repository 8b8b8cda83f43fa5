// Code rules, NIST SP 800-63B rev 4 §3.1.3 / §3.2.2 and OWASP ASVS 5.0 V6. Pure: no I/O, clocks passed in.

export const codeTtlMs = 10 * 60_000;
export const maxTriesPerCode = 5;
export const maxConsecutiveFailures = 100;
// Configurable so the e2e suite can act at a person's pace without waiting out 30 s between codes.
export const resendCooldownMs = Number(process.env.CODE_RESEND_COOLDOWN_SECONDS ?? 30) * 1000;
export const maxSendsPerHour = 10;
export const stepUpFreshMs = 10 * 60_000;
export const rememberBrowserMs = 30 * 24 * 60 * 60_000;

/**
 * Wait imposed after `failures` consecutive wrong codes on an account: none for the first 5, then doubling from
 * 30 s up to an hour, and a hard stop at 100 (only a recovery path or a success elsewhere clears it).
 */
export function waitAfterFailures(failures: number): number | "locked" {
  if (failures >= maxConsecutiveFailures) return "locked";
  if (failures < 5) return 0;
  return Math.min(30_000 * 2 ** (failures - 5), longestWaitMs);
}

/** The longest wait between wrong codes; recovery codes, which the lock lets through, wait this long after each. */
export const longestWaitMs = 60 * 60_000;

export function isExpired(challenge: { expiresAt: Date }, now: Date) {
  return challenge.expiresAt.getTime() <= now.getTime();
}

/** When the next code may be sent, given the previous sends (newest first) — null when allowed now. */
export function nextSendAllowedAt(sentAt: Date[], now: Date): Date | null {
  const last = sentAt[0];
  if (last && now.getTime() - last.getTime() < resendCooldownMs) return new Date(last.getTime() + resendCooldownMs);
  const hourAgo = now.getTime() - 60 * 60_000;
  const inLastHour = sentAt.filter((d) => d.getTime() > hourAgo);
  if (inLastHour.length >= maxSendsPerHour) {
    const oldest = inLastHour[inLastHour.length - 1]!;
    return new Date(oldest.getTime() + 60 * 60_000);
  }
  return null;
}
