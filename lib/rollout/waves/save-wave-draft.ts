import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { countries, waveCountries, waves, type RampStep } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { rampProblem } from "../ramp";
import { lockRolloutFor, lockWaveFor } from "./lock-wave";
import type { StaffActor } from "./staff-actor";

export interface WaveDraft {
  name: string;
  countryCodes: string[];
  /** True = starts the moment it is approved; false = at `startsAt`. */
  startOnApproval: boolean;
  startsAt: Date | null;
  rampSteps: RampStep[];
}

export type SaveWaveError = "FORBIDDEN" | "NAME_TAKEN" | "NO_COUNTRIES" | "UNKNOWN_COUNTRY" | "COUNTRY_CONFLICT" | "START_IN_PAST" | "BAD_RAMP";

export interface CountryConflict {
  code: string;
  name: string;
  wave: string;
}

/** Countries of `codes` already in another (not cancelled) wave: a country belongs to one wave at a time. */
export async function findCountryConflicts(tx: Pick<Tx, "select">, codes: string[], exceptWaveId?: number): Promise<CountryConflict[]> {
  if (codes.length === 0) return [];
  return tx
    .select({ code: waveCountries.countryCode, name: countries.name, wave: waves.name })
    .from(waveCountries)
    .innerJoin(waves, eq(waves.id, waveCountries.waveId))
    .innerJoin(countries, eq(countries.code, waveCountries.countryCode))
    .where(and(inArray(waveCountries.countryCode, codes), ne(waves.status, "cancelled"), exceptWaveId ? ne(waves.id, exceptWaveId) : sql`true`))
    .orderBy(countries.name);
}

/** Creates a wave in draft, or edits one still in draft; audited in the same transaction. */
export async function saveWaveDraft({ actor, waveId, draft, now = new Date() }: { actor: StaffActor; waveId?: number; draft: WaveDraft; now?: Date }) {
  if (!hasRole(actor.role, "operator")) throw new AppError<SaveWaveError>("FORBIDDEN");
  const codes = [...new Set(draft.countryCodes.map((c) => c.toUpperCase()))].sort();
  if (codes.length === 0) throw new AppError<SaveWaveError>("NO_COUNTRIES");
  if (rampProblem(draft.rampSteps)) throw new AppError<SaveWaveError>("BAD_RAMP", { problem: rampProblem(draft.rampSteps) });
  if (!draft.startOnApproval && (!draft.startsAt || draft.startsAt <= now)) throw new AppError<SaveWaveError>("START_IN_PAST");

  return db.transaction(async (tx) => {
    const existing = waveId ? await lockWaveFor(tx, { waveId, command: "edit", actor, now }) : (await lockRolloutFor(tx, actor, "operator"), null);
    const known = await tx.select({ code: countries.code }).from(countries).where(inArray(countries.code, codes));
    if (known.length !== codes.length) throw new AppError<SaveWaveError>("UNKNOWN_COUNTRY");
    const conflicts = await findCountryConflicts(tx, codes, waveId);
    if (conflicts.length) throw new AppError<SaveWaveError>("COUNTRY_CONFLICT", { conflicts });
    const [clash] = await tx.select({ id: waves.id }).from(waves).where(and(sql`lower(${waves.name}) = lower(${draft.name})`, waveId ? ne(waves.id, waveId) : sql`true`));
    if (clash) throw new AppError<SaveWaveError>("NAME_TAKEN");

    const values = {
      name: draft.name,
      startOnApproval: draft.startOnApproval,
      startsAt: draft.startOnApproval ? null : draft.startsAt,
      rampSteps: draft.rampSteps,
      updatedAt: now,
    };
    let id = waveId;
    let before: Record<string, unknown> | null = null;
    if (existing) {
      const oldCodes = (await tx.select({ code: waveCountries.countryCode }).from(waveCountries).where(eq(waveCountries.waveId, existing.id))).map((r) => r.code).sort();
      before = describeDraft({ ...existing, countryCodes: oldCodes });
      await tx.update(waves).set(values).where(eq(waves.id, existing.id));
      await tx.delete(waveCountries).where(eq(waveCountries.waveId, existing.id));
    } else {
      [{ id }] = (await tx.insert(waves).values({ ...values, status: "draft", createdBy: actor.id, createdAt: now }).returning({ id: waves.id })) as [{ id: number }];
    }
    await tx.insert(waveCountries).values(codes.map((countryCode) => ({ waveId: id!, countryCode })));
    await recordAudit(tx, {
      actor,
      action: existing ? "wave.update" : "wave.create",
      targetType: "wave",
      targetId: String(id),
      before,
      after: describeDraft({ ...values, countryCodes: codes }),
      at: now,
    });
    return { id: id! };
  });
}

const describeDraft = (w: { name: string; startOnApproval: boolean; startsAt: Date | null; rampSteps: RampStep[]; countryCodes: string[] }) => ({
  name: w.name,
  countries: w.countryCodes.join(" "),
  start: w.startOnApproval ? "on approval" : (w.startsAt?.toISOString() ?? null),
  ramp: w.rampSteps.map((s) => `${s.percent}%@${s.afterMinutes}m`).join(" → "),
});
