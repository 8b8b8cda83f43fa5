import { eq } from "drizzle-orm";
import { db } from "@/db";
import { waves } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { lockWaveFor } from "./lock-wave";
import type { StaffActor } from "./staff-actor";

export interface Guardrails {
  smsFailureThreshold: number;
  codeFailureThreshold: number;
  guardrailMinSample: number;
}

/** Admin policy: the failure rates (0–1) over the last hour that pause a country of this wave automatically. */
export async function setGuardrails({ actor, waveId, guardrails, now = new Date() }: { actor: StaffActor; waveId: number; guardrails: Guardrails; now?: Date }) {
  const { smsFailureThreshold: sms, codeFailureThreshold: code, guardrailMinSample: sample } = guardrails;
  if (!(sms > 0 && sms <= 1 && code > 0 && code <= 1 && Number.isInteger(sample) && sample >= 1 && sample <= 10_000)) throw new AppError("BAD_GUARDRAILS");
  await db.transaction(async (tx) => {
    const wave = await lockWaveFor(tx, { waveId, command: "guardrails", actor, now });
    await tx.update(waves).set({ ...guardrails, updatedAt: now }).where(eq(waves.id, waveId));
    await recordAudit(tx, {
      actor,
      action: "wave.guardrails",
      targetType: "wave",
      targetId: String(waveId),
      before: { smsFailureThreshold: wave.smsFailureThreshold, codeFailureThreshold: wave.codeFailureThreshold, guardrailMinSample: wave.guardrailMinSample },
      after: { ...guardrails },
      at: now,
    });
  });
}
