import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { sessions, users } from "@/db/schema";

// "last seen" is refreshed at most this often, so a busy page does not write on every request.
const touchEveryMs = 60_000;

export async function createSession({ userId, userAgent, ip }: { userId: string; userAgent: string; ip: string | null }) {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ id, userId, userAgent: userAgent.slice(0, 512), ip });
  return id;
}

/** The live session and its user, or null when the id is unknown or revoked. */
export async function findActiveSession(sessionId: string, now = new Date()) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return row;
}

export function listActiveSessions(userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function revokeSession({ userId, sessionId }: { userId: string; sessionId: string }) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

export async function revokeOtherSessions({ userId, keepSessionId }: { userId: string; keepSessionId: string }) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}
