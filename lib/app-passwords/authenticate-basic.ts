import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { appPasswords, users } from "@/db/schema";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { clearPasswordFailures, countPasswordFailure, isPasswordLocked, signInAccountKey } from "@/lib/auth/authenticate-with-password";
import { clearRateLimit, hitRateLimit } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { normaliseAppPassword } from "./app-password-rules";
import { hashAppPassword } from "./manage-app-passwords";

export type BasicAuthResult =
  | { ok: true; user: typeof users.$inferSelect; via: "app_password" | "password" }
  | { ok: false; reason: "missing" | "refused" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/** "Basic base64(email:password)" → its parts; null when absent or malformed. */
export function parseBasicAuth(header: string | null): { email: string; password: string } | null {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1 || decoded.length > 1024) return null;
  const email = decoded.slice(0, colon).trim().toLowerCase();
  // No address holds control characters, and Postgres text cannot hold NUL (the email keys the rate limit).
  if (/[\u0000-\u001f\u007f]/.test(email)) return null;
  return { email, password: decoded.slice(colon + 1) };
}

/**
 * HTTP Basic for apps that cannot ask for a code (mail, calendar). An app-specific password of the account always
 * works; the account's main password works only while 2SV is off — with 2SV on it would skip the second step. The
 * same limits as the sign-in page apply, shared across instances; every refusal looks alike.
 */
export async function authenticateBasic({ header, ip, now = new Date() }: { header: string | null; ip: string | null; now?: Date }): Promise<BasicAuthResult> {
  const credentials = parseBasicAuth(header);
  if (!credentials) return { ok: false, reason: "missing" };
  const appPassword = normaliseAppPassword(credentials.password);
  // A revoked app password left in a mail client is retried all day. Known by its keyed hash, it is refused before any
  // limit is spent: counted, it would throttle the owner's sign-in form and in the end lock the account. Only whoever
  // holds the 75-bit secret can tell this answer from another.
  if (appPassword && (await isRevokedAppPassword(credentials.email, appPassword))) return { ok: false, reason: "refused" };
  const { SIGNIN_ACCOUNT_LIMIT, SIGNIN_IP_LIMIT, SIGNIN_WINDOW_MINUTES } = env();
  // The sign-in form's own account throttle, not one beside it: a second bucket would add its tries to the form's.
  const accountKey = signInAccountKey(credentials.email);
  const limited = [
    { key: accountKey, limit: SIGNIN_ACCOUNT_LIMIT },
    ...(ip ? [{ key: `api:ip:${ip}`, limit: SIGNIN_IP_LIMIT }] : []),
  ];
  const states = await Promise.all(limited.map(({ key }) => hitRateLimit({ key, windowMs: SIGNIN_WINDOW_MINUTES * 60_000, now })));
  const over = states.filter((s, i) => s.hits > limited[i]!.limit);
  if (over.length) return { ok: false, reason: "throttled", retryAt: new Date(Math.max(...over.map((s) => s.resetAt.getTime()))) };

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, credentials.email));
  if (user && appPassword) {
    const [used] = await db
      .update(appPasswords)
      .set({ lastUsedAt: now, lastUsedIp: ip })
      .where(and(eq(appPasswords.userId, user.id), eq(appPasswords.passwordHash, hashAppPassword(appPassword)), isNull(appPasswords.revokedAt)))
      .returning({ id: appPasswords.id });
    if (used) {
      await clearRateLimit(accountKey);
      return { ok: true, user, via: "app_password" };
    }
  }
  // The main password: checked only without 2SV; otherwise the same argon2id work is spent and the answer is no.
  const mainChecked = !!user && !user.twoStepEnabledAt;
  const valid = mainChecked ? await verifyPassword(user.passwordHash, credentials.password) : await verifyAgainstDummy(credentials.password);
  // A wrong password counts towards the address's lock as on the sign-in form, whoever the address belongs to. Only
  // a guess shaped like an app password that was not also tried as the main password is let off (app passwords are
  // too long to guess). When the main password was checked it counts, or main passwords of 16 letters could be
  // guessed here without a lock.
  if (!valid || !user) {
    if (mainChecked || !appPassword) await countPasswordFailure(credentials.email, now);
    return { ok: false, reason: "refused" };
  }
  if (await isPasswordLocked(credentials.email, now)) return { ok: false, reason: "refused" };
  // Lifts the address's failures and its throttle (the form's, which is this one).
  await clearPasswordFailures(credentials.email);
  return { ok: true, user, via: "password" };
}

async function isRevokedAppPassword(email: string, appPassword: string) {
  const [row] = await db
    .select({ id: appPasswords.id })
    .from(appPasswords)
    .innerJoin(users, eq(users.id, appPasswords.userId))
    .where(and(eq(appPasswords.passwordHash, hashAppPassword(appPassword)), isNotNull(appPasswords.revokedAt), eq(sql`lower(${users.email})`, email)));
  return !!row;
}
