import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { countryPauses, waveCountries, waves } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { lockRolloutFor } from "../waves/lock-wave";
import { reasonRequired } from "../waves/review-wave";
import type { StaffActor } from "../waves/staff-actor";

export type PauseCountryError = "FORBIDDEN" | "NOT_IN_WAVE" | "ALREADY_PAUSED" | "NOT_PAUSED" | "REASON_REQUIRED";

/**
 * Kill switch for one country: new enrollments stop at once; enrolled accounts keep 2SV and can always sign in,
 * recover and turn it off. Only the pause row is written, so resuming (deleting it) restores the planned state.
 */
export async function pauseCountry({ actor, countryCode, reason, now = new Date() }: { actor: StaffActor; countryCode: string; reason: string; now?: Date }) {
  if (!hasRole(actor.role, "operator")) throw new AppError<PauseCountryError>("FORBIDDEN");
  const why = reasonRequired(reason);
  await db.transaction(async (tx) => {
    await lockRolloutFor(tx, actor, "operator");
    const [inWave] = await tx
      .select({ id: waves.id })
      .from(waveCountries)
      .innerJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled")))
      .where(eq(waveCountries.countryCode, countryCode));
    if (!inWave) throw new AppError<PauseCountryError>("NOT_IN_WAVE");
    const [paused] = await tx.insert(countryPauses).values({ countryCode, pausedAt: now, reason: why, pausedBy: actor.id, source: "staff" }).onConflictDoNothing().returning();
    if (!paused) throw new AppError<PauseCountryError>("ALREADY_PAUSED");
    await recordAudit(tx, { actor, action: "country.pause", targetType: "country", targetId: countryCode, countryCode, before: { paused: false }, after: { paused: true }, reason: why, at: now });
  });
}

export async function resumeCountry({ actor, countryCode, reason, now = new Date() }: { actor: StaffActor; countryCode: string; reason: string; now?: Date }) {
  if (!hasRole(actor.role, "operator")) throw new AppError<PauseCountryError>("FORBIDDEN");
  const why = reasonRequired(reason);
  await db.transaction(async (tx) => {
    await lockRolloutFor(tx, actor, "operator");
    const [removed] = await tx.delete(countryPauses).where(eq(countryPauses.countryCode, countryCode)).returning();
    if (!removed) throw new AppError<PauseCountryError>("NOT_PAUSED");
    await recordAudit(tx, {
      actor,
      action: "country.resume",
      targetType: "country",
      targetId: countryCode,
      countryCode,
      before: { paused: true, source: removed.source, pauseReason: removed.reason },
      after: { paused: false },
      reason: why,
      at: now,
    });
  });
}
