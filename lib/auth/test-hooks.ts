import { eq } from "drizzle-orm";
import { db } from "@/db";
import { rateLimits, sessions } from "@/db/schema";
import { failuresKey, maxConsecutivePasswordFailures } from "./authenticate-with-password";
import { currentSession } from "./current-user";
import { storedRateLimitKey } from "./rate-limit";

/**
 * Test-only fake clock for sessions (STEPWISE_TEST_HOOKS): moves the CALLING browser's session `hours` into the past
 * — begun, authenticated and last seen that much earlier — as if its owner had walked away from it.
 */
export async function ageSessionForTest(hours: string) {
  const shiftMs = Number(hours) * 3_600_000;
  const current = await currentSession();
  if (!current || !(shiftMs > 0)) return null;
  const back = (at: Date) => new Date(at.getTime() - shiftMs);
  const { session } = current;
  await db
    .update(sessions)
    .set({ createdAt: back(session.createdAt), authenticatedAt: back(session.authenticatedAt), lastSeenAt: back(session.lastSeenAt) })
    .where(eq(sessions.id, session.id));
  return { sessionId: session.id };
}

/**
 * Test-only: the address `email` one wrong password short of the lock (authenticate-with-password.ts), as 99 wrong
 * passwords typed over days would leave it — the next wrong one locks it.
 */
export async function nearPasswordLockForTest(email: string) {
  const normalised = email.trim().toLowerCase();
  if (!normalised) return null;
  const key = storedRateLimitKey(failuresKey(normalised));
  const row = { key, hits: maxConsecutivePasswordFailures - 1, resetAt: new Date(Date.now() + 24 * 3_600_000) };
  await db.insert(rateLimits).values(row).onConflictDoUpdate({ target: rateLimits.key, set: { hits: row.hits, resetAt: row.resetAt } });
  return { hits: row.hits };
}
