import { and, count, desc, eq, isNotNull, isNull, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { sessions, trustedPhones } from "@/db/schema";
import { currentRecoveryKey } from "@/lib/two-step/recovery-key";

const later = alias(sessions, "later");

/** Verified, not removed trusted phones of the account. */
export async function countTrustedPhones(userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(trustedPhones)
    .where(and(eq(trustedPhones.userId, userId), isNotNull(trustedPhones.verifiedAt), isNull(trustedPhones.removedAt)));
  return row?.n ?? 0;
}

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
      revokedAt: sessions.revokedAt,
      aal: sessions.aal,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), notExists(db.select({ id: later.id }).from(later).where(eq(later.upgradedFrom, sessions.id)))))
    .orderBy(desc(sessions.createdAt))
    .limit(limit);
}
