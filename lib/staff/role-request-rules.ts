/** A role request nobody approved within a week is stale: whoever asked may no longer mean it. */
export const roleRequestTtlMs = 7 * 24 * 60 * 60 * 1000;

export const isRoleRequestExpired = (requestedAt: Date, now: Date) => now.getTime() - requestedAt.getTime() > roleRequestTtlMs;
