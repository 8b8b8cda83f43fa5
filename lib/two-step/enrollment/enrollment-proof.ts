/** How long the password re-typed at the wizard's first step carries the rest of the wizard. */
export const enrollmentProofMs = 60 * 60 * 1000;

/**
 * Whether `sessionId` may continue the enrollment: it is the session that re-typed the password (and answered the
 * security questions, if the account has them) at the first step, less than an hour ago. Without this, an
 * enrollment someone once started would let anyone holding only the password, in any session and at any later
 * time, add their own phone, authenticator or passkey, take the Recovery Key and turn 2SV on.
 */
export function isEnrollmentProved(enrollment: { sessionId: string | null; provedAt: Date | null }, sessionId: string, now: Date) {
  if (enrollment.sessionId !== sessionId || !enrollment.provedAt) return false;
  const age = now.getTime() - enrollment.provedAt.getTime();
  return age >= 0 && age < enrollmentProofMs;
}
