import { eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { verifyAgainstDummy, verifyPassword } from "./passwords";
import { openPasswordSession } from "./open-password-session";
import { hitRateLimits } from "./rate-limit";

// Built once: Drizzle's building of a whole-row select costs more than running it.
const userByEmail = preparedQuery((database) =>
  database
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, sql.placeholder("email")))
    .prepare("user_by_email"),
);

export type SignInErrorCode = "INVALID_CREDENTIALS" | "THROTTLED";

const accountKey = (email: string) => `signin:account:${email}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

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
  const keys = [accountKey(email), ...(input.ip ? [ipKey(input.ip)] : [])];
  const limits = [SIGNIN_ACCOUNT_LIMIT, SIGNIN_IP_LIMIT];

  const windowMs = SIGNIN_WINDOW_MINUTES * 60_000;
  // The attempt is counted before the password check, so parallel guesses cannot all slip past one reading. The
  // account is read in the same round trip (a throttled caller learns nothing from it either way).
  const [states, [user]] = await Promise.all([
    hitRateLimits({ keys, windowMs, now }),
    userByEmail().execute({ email }),
  ]);
  const blocked = states.filter((s, i) => s.hits > limits[i]!);
  if (blocked.length) throw throttled(blocked);

  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);

  if (!user || !valid) {
    const nowBlocked = states.filter((s, i) => s.hits >= limits[i]!);
    // The attempt that reaches the limit already tells the user when to come back.
    if (nowBlocked.length) throw throttled(nowBlocked);
    throw new AppError<SignInErrorCode>("INVALID_CREDENTIALS");
  }

  // Only failures count: a success clears the account's counter and gives its hit back to the IP. With 2SV on, the
  // session starts pending (aal 1) unless this browser was remembered at an earlier second step.
  const { sessionId, remembered } = await openPasswordSession({
    userId: user.id,
    userAgent: input.userAgent,
    ip: input.ip,
    clearKey: accountKey(email),
    refundKey: input.ip ? ipKey(input.ip) : null,
    checkRemembered: !!user.twoStepEnabledAt,
    deviceToken: input.deviceToken ?? null,
    now,
  });
  return { user, sessionId, pendingSecondStep: !!user.twoStepEnabledAt && !remembered };
}

function throttled(states: { resetAt: Date }[]) {
  const retryAt = new Date(Math.max(...states.map((s) => s.resetAt.getTime())));
  return new AppError<SignInErrorCode>("THROTTLED", { retryAt: retryAt.toISOString() });
}
