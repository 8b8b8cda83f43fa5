import { AppError } from "@/lib/errors";
import { verifyPassword } from "./passwords";
import { clearRateLimit, hitRateLimit } from "./rate-limit";

export type ConfirmPasswordError = "WRONG_PASSWORD" | "THROTTLED";

// Re-typing the password while signed in is still a password guess: limited per account, like signing in.
export const confirmPasswordLimit = 5;
const windowMs = 15 * 60_000;
const keyOf = (userId: string) => `reauth:${userId}`;

/**
 * The signed-in owner re-types their password before something only they should do. Each try is counted before it
 * is checked, so parallel tries cannot all pass one reading of the counter: at most five checks per account per 15
 * minutes, the fifth wrong one already saying when to come back; a right one clears the count.
 */
export async function confirmPassword({ userId, passwordHash, password, now = new Date() }: { userId: string; passwordHash: string; password: string; now?: Date }) {
  const limit = await hitRateLimit({ key: keyOf(userId), windowMs, now });
  const throttled = () => new AppError<ConfirmPasswordError>("THROTTLED", { retryAt: limit.resetAt.toISOString() });
  if (limit.hits > confirmPasswordLimit) throw throttled();
  if (!(await verifyPassword(passwordHash, password))) throw limit.hits >= confirmPasswordLimit ? throttled() : new AppError<ConfirmPasswordError>("WRONG_PASSWORD");
  await clearRateLimit(keyOf(userId));
}
