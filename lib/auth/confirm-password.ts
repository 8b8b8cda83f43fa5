import { AppError } from "@/lib/errors";
import { clearPasswordFailures, countPasswordFailure, isPasswordLocked } from "./authenticate-with-password";
import { verifyPassword } from "./passwords";
import { clearRateLimit, hitRateLimit } from "./rate-limit";

export type ConfirmPasswordError = "WRONG_PASSWORD" | "THROTTLED" | "LOCKED";

// Re-typing the password while signed in is still a password guess: limited per account, like signing in.
export const confirmPasswordLimit = 5;
const windowMs = 15 * 60_000;
const keyOf = (userId: string) => `reauth:${userId}`;

/**
 * The signed-in owner re-types their password before something only they should do. Each try is counted before it
 * is checked, so parallel tries cannot all pass one reading of the counter: at most five checks per account per 15
 * minutes, the fifth wrong one already saying when to come back; a right one clears the count. A wrong one is also
 * one of the account's consecutive failures (NIST SP 800-63B §3.2.2: 100, wherever the password is tried): a
 * session left open cannot guess on at 480 a day, and at the lock it is refused here as on the sign-in form.
 */
export async function confirmPassword({ user, password, now = new Date() }: { user: { id: string; email: string; passwordHash: string }; password: string; now?: Date }) {
  const email = user.email.trim().toLowerCase();
  if (await isPasswordLocked(email, now)) throw new AppError<ConfirmPasswordError>("LOCKED");
  const limit = await hitRateLimit({ key: keyOf(user.id), windowMs, now });
  const throttled = () => new AppError<ConfirmPasswordError>("THROTTLED", { retryAt: limit.resetAt.toISOString() });
  if (limit.hits > confirmPasswordLimit) throw throttled();
  if (!(await verifyPassword(user.passwordHash, password))) {
    if (await countPasswordFailure(email, now)) throw new AppError<ConfirmPasswordError>("LOCKED");
    throw limit.hits >= confirmPasswordLimit ? throttled() : new AppError<ConfirmPasswordError>("WRONG_PASSWORD");
  }
  await Promise.all([clearRateLimit(keyOf(user.id)), clearPasswordFailures(email)]);
}
