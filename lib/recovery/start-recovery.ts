import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { recoveryKeys, users } from "@/db/schema";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { clearRateLimit, hitRateLimit } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";
import { normaliseRecoveryKey } from "@/lib/two-step/recovery-key";
import { newRecoveryAttempt } from "./recovery-attempt";
import { keyAttemptWindowMs, keyAttemptsPerAccount, keyAttemptsPerIp } from "./recovery-policy";

export type StartRecoveryError = "INVALID" | "THROTTLED";

export const recoveryAccountKey = (email: string) => `recovery:account:${email}`;
export const recoveryIpKey = (ip: string) => `recovery:ip:${ip}`;

/**
 * First step of "Forgot password" with 2SV on: the email and the account's current Recovery Key. Unknown email,
 * account without 2SV and wrong key all fail alike, after the same argon2id work; attempts are counted per account
 * and per IP before the check (shared by every instance). Success opens a short recovery attempt — a code to a
 * trusted phone or device is still needed before the password can be set.
 */
export async function startRecovery(input: { email: string; recoveryKey: string; ip: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const limits: [string, number][] = [[recoveryAccountKey(email), keyAttemptsPerAccount]];
  if (input.ip) limits.push([recoveryIpKey(input.ip), keyAttemptsPerIp]);
  const counted = await Promise.all(limits.map(([key]) => hitRateLimit({ key, windowMs: keyAttemptWindowMs, now })));
  const over = counted.filter((c, i) => c.hits > limits[i]![1]);
  if (over.length) {
    const retryAt = new Date(Math.max(...over.map((c) => c.resetAt.getTime())));
    throw new AppError<StartRecoveryError>("THROTTLED", { retryAt: retryAt.toISOString() });
  }

  const key = normaliseRecoveryKey(input.recoveryKey);
  const [row] = await db
    .select({ userId: users.id, twoStepEnabledAt: users.twoStepEnabledAt, keyId: recoveryKeys.id, keyHash: recoveryKeys.keyHash })
    .from(users)
    .leftJoin(recoveryKeys, and(eq(recoveryKeys.userId, users.id), isNull(recoveryKeys.replacedAt)))
    .where(eq(sql`lower(${users.email})`, email));
  const candidate = row?.twoStepEnabledAt && row.keyId && row.keyHash ? row : null;
  const valid = candidate ? await verifyPassword(candidate.keyHash!, key) : await verifyAgainstDummy(key);
  if (!candidate || !valid) throw new AppError<StartRecoveryError>("INVALID");

  await clearRateLimit(recoveryAccountKey(email));
  return newRecoveryAttempt({ userId: candidate.userId, keyId: candidate.keyId!, now });
}
