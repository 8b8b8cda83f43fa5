import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, countries, countryPauses, users, waves } from "@/db/schema";
import { pauseCountry, resumeCountry } from "./countries/pause-country";
import type { StaffActor } from "./waves/staff-actor";

// E2E AND BENCH ONLY — served by app/api/test/[query]/route.ts, which answers 404 unless STEPWISE_TEST_HOOKS=1.

export const rolloutTestQueries = {
  wave: async (name: string) =>
    (
      await db
        .select({ id: waves.id, name: waves.name, status: waves.status, startsAt: waves.startsAt, requestedBy: waves.requestedBy, reviewedBy: waves.reviewedBy, reviewComment: waves.reviewComment, pausedAt: waves.pausedAt })
        .from(waves)
        .where(eq(waves.name, name))
    )[0] ?? null,
  audit: async (action: string) =>
    db
      .select({ id: auditLog.id, actorLabel: auditLog.actorLabel, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, countryCode: auditLog.countryCode, before: auditLog.before, after: auditLog.after, reason: auditLog.reason })
      .from(auditLog)
      .where(action ? eq(auditLog.action, action) : sql`true`)
      .orderBy(desc(auditLog.id)),
  "country-pause": async (code: string) => (await db.select().from(countryPauses).where(eq(countryPauses.countryCode, code.toUpperCase())))[0] ?? null,
  country: async (code: string) => (await db.select().from(countries).where(eq(countries.code, code.toUpperCase())))[0] ?? null,
};

/** The bench flips a country through the same domain code the console uses, acting as the demo admin. */
async function demoAdmin(): Promise<StaffActor> {
  const [admin] = await db.select().from(users).where(eq(users.email, "admin@stepwise.test"));
  if (!admin) throw new Error("demo admin missing: seed the database");
  return { id: admin.id, name: admin.name, email: admin.email, role: admin.role };
}

export async function pauseCountryForTest(code: string) {
  await pauseCountry({ actor: await demoAdmin(), countryCode: code.toUpperCase(), reason: "rollout propagation bench" });
  return { paused: code };
}

export async function resumeCountryForTest(code: string) {
  await resumeCountry({ actor: await demoAdmin(), countryCode: code.toUpperCase(), reason: "rollout propagation bench" });
  return { resumed: code };
}
