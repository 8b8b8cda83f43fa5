import { eq } from "drizzle-orm";
import { db } from "@/db";
import { waves } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockWaveFor } from "./lock-wave";
import { reasonRequired } from "./review-wave";
import type { StaffActor } from "./staff-actor";

/**
 * Kill switch for a whole wave: new enrollments in its countries stop at once. Enrolled accounts keep 2SV. Only the
 * pause is stored — start and ramp times stay as planned — so resuming restores exactly the planned state.
 */
export async function pauseWave({ actor, waveId, reason, now = new Date() }: { actor: StaffActor; waveId: number; reason: string; now?: Date }) {
  await db.transaction(async (tx) => {
    await lockWaveFor(tx, { waveId, command: "pause", actor, now });
    const why = reasonRequired(reason);
    await tx.update(waves).set({ pausedAt: now, pauseReason: why, updatedAt: now }).where(eq(waves.id, waveId));
    await recordAudit(tx, { actor, action: "wave.pause", targetType: "wave", targetId: String(waveId), before: { paused: false }, after: { paused: true }, reason: why, at: now });
  });
}

export async function resumeWave({ actor, waveId, reason, now = new Date() }: { actor: StaffActor; waveId: number; reason: string; now?: Date }) {
  await db.transaction(async (tx) => {
    const wave = await lockWaveFor(tx, { waveId, command: "resume", actor, now });
    const why = reasonRequired(reason);
    await tx.update(waves).set({ pausedAt: null, pauseReason: null, updatedAt: now }).where(eq(waves.id, waveId));
    await recordAudit(tx, {
      actor,
      action: "wave.resume",
      targetType: "wave",
      targetId: String(waveId),
      before: { paused: true, pauseReason: wave.pauseReason },
      after: { paused: false },
      reason: why,
      at: now,
    });
  });
}

/** Before the start only: nobody was offered 2SV by it, so nobody can be stranded. Its countries become free. */
export async function cancelWave({ actor, waveId, reason, now = new Date() }: { actor: StaffActor; waveId: number; reason: string; now?: Date }) {
  await db.transaction(async (tx) => {
    const wave = await lockWaveFor(tx, { waveId, command: "cancel", actor, now });
    const why = reasonRequired(reason);
    await tx.update(waves).set({ status: "cancelled", updatedAt: now }).where(eq(waves.id, waveId));
    await recordAudit(tx, { actor, action: "wave.cancel", targetType: "wave", targetId: String(waveId), before: { status: wave.status }, after: { status: "cancelled" }, reason: why, at: now });
  });
}
