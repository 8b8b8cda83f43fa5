import { eq, getTableColumns, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { users } from "@/db/schema";
import { hashToken } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { openPasswordSession } from "./open-password-session";
import { clearRateLimit, hitRateLimit, hitRateLimits, peekRateLimit } from "./rate-limit";

// Built once: Drizzle's building of a whole-row select costs more than running it. With the account: whether this
// browser is one of its trusted ones (its device cookie's hash; null matches none).
const userByEmail = preparedQuery((database) =>
  database
    .select({
      ...getTableColumns(users),
      // Spelt out: Drizzle leaves a column unqualified in a one-table select, where "id" would mean the device's.
      trustedBrowser: sql<boolean>`exists (select 1 from trusted_devices d where d.user_id = users.id and d.token_hash = ${sql.placeholder("deviceHash")} and d.revoked_at is null)`,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, sql.placeholder("email")))
    .prepare("user_by_email"),
);

export type SignInErrorCode = "INVALID_CREDENTIALS" | "THROTTLED" | "LOCKED";

/** The address's throttle, shared by every way of checking its password (the form, the Basic API). */
export const signInAccountKey = (email: string) => `signin:account:${email}`;
/** The address's throttle on one of its own trusted browsers (hash of the device cookie). */
const trustedBrowserKey = (email: string, deviceHash: string) => `signin:account:${email}:browser:${deviceHash}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;
/** Wrong passwords in a row for an address, however slowly tried; a right one clears it (openPasswordSession). */
export const failuresKey = (email: string) => `signin:failures:${email}`;
const failuresWindowMs = 365 * 24 * 60 * 60_000;

/**
 * NIST SP 800-63B rev 4 §3.2.2: no more than 100 consecutive failed attempts on one account. The throttle above
 * (5 per 15 minutes) alone would allow 480 a day, every day. At the cap the address is locked, right password or
 * not, until its password is reset (by email link and questions, or Recovery Key and code) — except on the owner's
 * own trusted browsers (a device cookie the account trusts), which NIST lets a verifier keep accepting, so that
 * whoever types 100 wrong passwords in someone's name cannot shut them out of their usual browsers. Counted per
 * address typed, so an unknown address locks the same way and tells nothing.
 */
export const maxConsecutivePasswordFailures = 100;

/** One more wrong password for the address (normalised); true when that reached the lock. */
export async function countPasswordFailure(email: string, now = new Date()) {
  const failures = await hitRateLimit({ key: failuresKey(email), windowMs: failuresWindowMs, now });
  return failures.hits >= maxConsecutivePasswordFailures;
}

/** Whether the address (normalised) is locked, for the paths that check a password beside the sign-in form. */
export async function isPasswordLocked(email: string, now = new Date()) {
  return (await peekRateLimit({ key: failuresKey(email), now })).hits >= maxConsecutivePasswordFailures;
}

/** After a new password or a new account: the address's failures forgiven (a lock lifted) and its throttle reset. */
export async function clearPasswordFailures(email: string) {
  const normalised = email.trim().toLowerCase();
  await Promise.all([clearRateLimit(failuresKey(normalised)), clearRateLimit(signInAccountKey(normalised))]);
}

/**
 * Checks an email + password and opens a session. Unknown email and wrong password fail the same way, after the
 * same argon2id work; failures are counted per account and per IP in the database so the limits hold across
 * instances, and a throttled caller learns when to retry (never whether the account exists).
 */
export async function authenticateWithPassword(input: {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string;
  deviceToken?: string | null;
  now?: Date;
}) {
  const { SIGNIN_ACCOUNT_LIMIT, SIGNIN_IP_LIMIT, SIGNIN_WINDOW_MINUTES } = env();
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const keys = [signInAccountKey(email), ...(input.ip ? [ipKey(input.ip)] : [])];
  const limits = [SIGNIN_ACCOUNT_LIMIT, SIGNIN_IP_LIMIT];

  const windowMs = SIGNIN_WINDOW_MINUTES * 60_000;
  // The attempt is counted before the password check, so parallel guesses cannot all slip past one reading. The
  // account is read in the same round trip (a throttled caller learns nothing from it either way).
  const deviceHash = input.deviceToken ? hashToken(input.deviceToken) : null;
  const [states, [user]] = await Promise.all([
    hitRateLimits({ keys, windowMs, now }),
    userByEmail().execute({ email, deviceHash }),
  ]);
  // Wrong passwords typed in the owner's name must not throttle the owner out of their own trusted browsers (ASVS 5.0
  // V6.1.1, no malicious lockout): once the address's shared count is spent, such a browser counts in a bucket of its
  // own at the same limit. A stolen device cookie gains that one bucket of guesses; the lock at 100 counts them all.
  let throttleKey = signInAccountKey(email);
  if (user?.trustedBrowser && deviceHash && states[0]!.hits > limits[0]!) {
    throttleKey = trustedBrowserKey(email, deviceHash);
    states[0] = (await hitRateLimits({ keys: [throttleKey], windowMs, now }))[0]!;
  }
  const blocked = states.filter((s, i) => s.hits > limits[i]!);
  if (blocked.length) throw throttled(blocked);

  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);

  if (!user || !valid) {
    // Counted after the check, so requests the throttle refused never add up to the lock (that would let anyone
    // lock an account in a minute); the throttle bounds how many checks run at once.
    if (await countPasswordFailure(email, now)) throw new AppError<SignInErrorCode>("LOCKED");
    const nowBlocked = states.filter((s, i) => s.hits >= limits[i]!);
    // The attempt that reaches the limit already tells the user when to come back.
    if (nowBlocked.length) throw throttled(nowBlocked);
    throw new AppError<SignInErrorCode>("INVALID_CREDENTIALS");
  }

  // Only failures count: a success clears the account's counter and gives its hit back to the IP. With 2SV on, the
  // session starts pending (aal 1) unless this browser was remembered at an earlier second step.
  const opened = await openPasswordSession({
    userId: user.id,
    userAgent: input.userAgent,
    ip: input.ip,
    clearKey: throttleKey,
    lock: { key: failuresKey(email), at: maxConsecutivePasswordFailures },
    deviceHash,
    refundKey: input.ip ? ipKey(input.ip) : null,
    checkRemembered: !!user.twoStepEnabledAt,
    now,
  });
  if (!opened) throw new AppError<SignInErrorCode>("LOCKED");
  const { sessionId, remembered } = opened;
  return { user, sessionId, pendingSecondStep: !!user.twoStepEnabledAt && !remembered };
}

function throttled(states: { resetAt: Date }[]) {
  const retryAt = new Date(Math.max(...states.map((s) => s.resetAt.getTime())));
  return new AppError<SignInErrorCode>("THROTTLED", { retryAt: retryAt.toISOString() });
}
