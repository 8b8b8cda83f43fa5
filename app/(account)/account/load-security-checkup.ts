import { and, desc, eq, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { currentRecoveryKey } from "@/lib/two-step/recovery-key";

const later = alias(sessions, "later");

export async function isRecoveryKeyConfirmed(userId: string) {
  return !!(await currentRecoveryKey(userId))?.confirmedAt;
}

/**
 * The latest sign-ins, newest first: one row per sign-in, i.e. the last session of each chain (a pending session
 * replaced at the second step is represented by the session that replaced it). Ended ones are included.
 */
export function listRecentSignIns(userId: string, limit = 5) {
  return db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      authenticatedAt: sessions.authenticatedAt,
      lastSeenAt: sessions.lastSeenAt,
      revokedAt: sessions.revokedAt,
      aal: sessions.aal,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), notExists(db.select({ id: later.id }).from(later).where(eq(later.upgradedFrom, sessions.id)))))
    .orderBy(desc(sessions.createdAt))
    .limit(limit);
}
