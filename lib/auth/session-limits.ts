const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * How long a session lasts without signing in again, by what it protects. NIST SP 800-63B rev 4 sets reauthentication
 * at AAL2 at least once per 24 hours and after an hour without activity, and at AAL1 at least once per 30 days.
 * Every full session of an account with two-step verification on is held to the AAL2 limits. A pending one (the
 * password passed, the second step not yet) has half an hour to finish, so a password proof cannot wait all day for
 * its code and then start 24 hours of its own. Only requests a person makes count as activity: background polls
 * (pushed codes, the dashboard's version, a code's status) read the session without extending it.
 */
export const sessionLimits = {
  twoStep: { overallMs: day, idleMs: hour },
  pending: { overallMs: 30 * minute, idleMs: null },
  passwordOnly: { overallMs: 30 * day, idleMs: null },
} as const;

interface TimedSession {
  aal: number;
  authenticatedAt: Date;
  lastSeenAt: Date;
}

/** The limits a session is held to: AAL2's at aal 2, the pending ones while an account with 2SV owes its code. */
export function limitsOf(session: { aal: number }, user: { twoStepEnabledAt: Date | null }) {
  if (session.aal >= 2) return sessionLimits.twoStep;
  return user.twoStepEnabledAt ? sessionLimits.pending : sessionLimits.passwordOnly;
}

/** The moment a session ends on its own: its overall limit from when it last authenticated, or its idle limit. */
export function sessionEndsAt(session: TimedSession, user: { twoStepEnabledAt: Date | null }): Date {
  const { overallMs, idleMs } = limitsOf(session, user);
  const overall = session.authenticatedAt.getTime() + overallMs;
  return new Date(idleMs === null ? overall : Math.min(overall, session.lastSeenAt.getTime() + idleMs));
}

export const hasSessionEnded = (session: TimedSession, user: { twoStepEnabledAt: Date | null }, now: Date) =>
  now.getTime() >= sessionEndsAt(session, user).getTime();
