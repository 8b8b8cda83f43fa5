import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { appPasswords, authenticatorApps, backupCodes, events, users } from "@/db/schema";

// E2E ONLY — served by app/api/test/[query]/route.ts (404 unless STEPWISE_TEST_HOOKS=1). Never a secret or hash.
export const factorTestQueries = {
  factors: async (email: string) => {
    const [user] = await db.select({ id: users.id, last: users.lastSecondFactor }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    if (!user) return null;
    const [apps, [codes], passwords, [enabled]] = await Promise.all([
      db.select({ confirmedAt: authenticatorApps.confirmedAt, lastUsedAt: authenticatorApps.lastUsedAt }).from(authenticatorApps).where(eq(authenticatorApps.userId, user.id)),
      db.select({ n: count() }).from(backupCodes).where(and(eq(backupCodes.userId, user.id), isNull(backupCodes.usedAt))),
      db.select({ label: appPasswords.label, lastUsedAt: appPasswords.lastUsedAt, revokedAt: appPasswords.revokedAt }).from(appPasswords).where(eq(appPasswords.userId, user.id)),
      db.select({ method: events.method }).from(events).where(and(eq(events.userId, user.id), eq(events.type, "two_step_enabled"))).orderBy(desc(events.at)).limit(1),
    ]);
    return { lastSecondFactor: user.last, authenticators: apps, backupCodesLeft: codes?.n ?? 0, appPasswords: passwords, enabledWith: enabled?.method ?? null };
  },
};
