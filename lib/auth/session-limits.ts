const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How long a session lasts without signing in again, by what it protects. NIST SP 800-63B rev 4: at AAL2 the
 * subscriber SHALL authenticate again at least once per 24 hours, and SHOULD after an hour without activity; at AAL1
 * at least once per 30 days. Every session of an account with two-step verification on is held to the AAL2 limits,
 * the pending one too (it reaches only /verify). A trusted browser's poll for pushed codes counts as activity: with
 * the account open, that browser is the owner's authenticator, like a phone left on; the 24 hours hold regardless.
 */
export const sessionLimits = {
  twoStep: { overallMs: day, idleMs: hour },
  passwordOnly: { overallMs: 30 * day, idleMs: null },
} as const;

interface TimedSession {
  aal: number;
  authenticatedAt: Date;
  lastSeenAt: Date;
}

/** The limits a session is held to: AAL2's for any session of an account with 2SV on, and for any aal 2 session. */
export const limitsOf = (session: { aal: number }, user: { twoStepEnabledAt: Date | null }) =>
  session.aal >= 2 || user.twoStepEnabledAt ? sessionLimits.twoStep : sessionLimits.passwordOnly;

/** The moment a session ends on its own: its overall limit from when it last authenticated, or its idle limit. */
export function sessionEndsAt(session: TimedSession, user: { twoStepEnabledAt: Date | null }): Date {
  const { overallMs, idleMs } = limitsOf(session, user);
  const overall = session.authenticatedAt.getTime() + overallMs;
  return new Date(idleMs === null ? overall : Math.min(overall, session.lastSeenAt.getTime() + idleMs));
}

export const hasSessionEnded = (session: TimedSession, user: { twoStepEnabledAt: Date | null }, now: Date) =>
  now.getTime() >= sessionEndsAt(session, user).getTime();
