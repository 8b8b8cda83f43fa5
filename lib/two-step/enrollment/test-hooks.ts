import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { enrollments, events, recoveryKeys, securityQuestions, trustedDevices, trustedPhones, users } from "@/db/schema";

// E2E ONLY — served by app/api/test/[query]/route.ts, which answers 404 unless STEPWISE_TEST_HOOKS=1.
// Never returns a hash or a key: only whether what is stored looks like an argon2id hash.

export const enrollmentTestQueries = {
  enrollment: async (email: string) => {
    const [user] = await db
      .select({ id: users.id, twoStepEnabledAt: users.twoStepEnabledAt, passwordChangedAt: users.passwordChangedAt })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    if (!user) return null;
    const [[enrollment], questions, phones, devices, [key], eventRows] = await Promise.all([
      db
        .select({ step: enrollments.step, hasPendingKey: sql<boolean>`${enrollments.pendingKeyHash} is not null` })
        .from(enrollments)
        .where(eq(enrollments.userId, user.id)),
      db.select({ questionKey: securityQuestions.questionKey }).from(securityQuestions).where(eq(securityQuestions.userId, user.id)),
      db
        .select({ e164: trustedPhones.e164, countryCode: trustedPhones.countryCode, verifiedAt: trustedPhones.verifiedAt, removedAt: trustedPhones.removedAt })
        .from(trustedPhones)
        .where(eq(trustedPhones.userId, user.id)),
      db.select({ label: trustedDevices.label }).from(trustedDevices).where(and(eq(trustedDevices.userId, user.id), isNull(trustedDevices.revokedAt))),
      db
        .select({ confirmedAt: recoveryKeys.confirmedAt, argon2: sql<boolean>`${recoveryKeys.keyHash} like '$argon2id$%'` })
        .from(recoveryKeys)
        .where(and(eq(recoveryKeys.userId, user.id), isNull(recoveryKeys.replacedAt))),
      db.select({ type: events.type }).from(events).where(eq(events.userId, user.id)).orderBy(asc(events.id)),
    ]);
    return {
      twoStepEnabledAt: user.twoStepEnabledAt,
      passwordChangedAt: user.passwordChangedAt,
      enrollment: enrollment ?? null,
      questionCount: questions.length,
      phones,
      devices: devices.map((d) => d.label),
      recoveryKey: key ?? null,
      events: eventRows.map((e) => e.type),
    };
  },
};
