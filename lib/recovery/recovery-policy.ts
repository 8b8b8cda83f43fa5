// Limits of the signed-out recovery paths. Pure constants; the functions beside them enforce them.

/** How long a recovery attempt (Recovery Key verified, code and new password to come) stays open. */
export const recoveryAttemptTtlMs = 15 * 60_000;
/** Wrong email + Recovery Key pairs: per account, and per address across accounts. */
export const keyAttemptsPerAccount = 5;
export const keyAttemptsPerIp = 30;
export const keyAttemptWindowMs = 15 * 60_000;
/** Reset links for accounts without 2SV: single use, one hour (OWASP Forgot Password cheat sheet). */
export const resetLinkTtlMs = 60 * 60_000;
/**
 * The link in "security questions were set up" that resets the password without asking those questions: what the
 * link alone could do the moment before they were set, kept for a week so the owner can undo planted ones.
 */
export const questionsUndoLinkTtlMs = 7 * 24 * 60 * 60_000;
export const resetLinksPerAccount = 3;
export const resetRequestsPerIp = 20;
export const resetRequestWindowMs = 60 * 60_000;
