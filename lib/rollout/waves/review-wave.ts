import { eq } from "drizzle-orm";
import { db } from "@/db";
import { waves } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { appointmentTie } from "@/lib/staff/appointed-by";
import { sendQueued } from "@/lib/messaging/send-queued";
import { holdsRoleNow, lockWaveFor } from "./lock-wave";
import { queueApprovalRequests } from "./queue-approval-requests";
import type { StaffActor } from "./staff-actor";

const tieRefusals = { appointed_by_requester: "APPOINTED_BY_REQUESTER", appointed_the_requester: "APPOINTED_THE_REQUESTER", same_appointer: "SAME_APPOINTER" } as const;

/** A reason as stored and audited: control characters other than line breaks and tabs dropped (PostgreSQL refuses a
 * NUL byte; the audit row is JSON, which refuses a lone surrogate), at least 3 and at most 500 characters. */
export const reasonRequired = (text: string | null | undefined) => {
  const reason = (text ?? "").replace(/(?![\n\t])\p{Cc}/gu, "").toWellFormed().trim();
  if (reason.length < 3) throw new AppError("REASON_REQUIRED");
  return reason.slice(0, 500);
};

/**
 * Operator: draft → pending approval. A second staff member with approve rights decides (four-eyes); each admin who
 * could is emailed.
 *
 * `readPlanAt` is the plan the requester read (its last save, which the console sends): a plan someone else edited
 * while their page was open is refused until they read it, or four-eyes would rest on a plan only its editor saw.
 */
export async function requestWaveApproval({ actor, waveId, readPlanAt, now = new Date() }: { actor: StaffActor; waveId: number; readPlanAt?: Date; now?: Date }) {
  const emails = await db.transaction(async (tx) => {
    const wave = await lockWaveFor(tx, { waveId, command: "request", actor, now });
    if (readPlanAt !== undefined && wave.updatedAt.getTime() !== readPlanAt.getTime()) throw new AppError("PLAN_CHANGED");
    await tx
      .update(waves)
      .set({ status: "pending_approval", requestedBy: actor.id, requestedAt: now, reviewedBy: null, reviewedAt: null, reviewComment: null, updatedAt: now })
      .where(eq(waves.id, waveId));
    await recordAudit(tx, { actor, action: "wave.request", targetType: "wave", targetId: String(waveId), before: { status: "draft" }, after: { status: "pending_approval" }, at: now });
    return queueApprovalRequests(tx, { wave: { ...wave, status: "pending_approval", requestedBy: actor.id, requestedAt: now }, requester: actor, now });
  });
  await Promise.all(emails.map((id) => sendQueued(id, now)));
}

/**
 * Admin, never the requester: pending → scheduled. A wave set to start on approval starts now; a dated one keeps
 * its time. From here going live and each ramp step follow from the stored times.
 *
 * `reviewedRequestAt` is the request the approver read (the console sends it): a plan rejected, edited and asked for
 * again while their page was open is a new request, refused until they read it.
 */
export async function approveWave({
  actor,
  waveId,
  comment,
  reviewedRequestAt,
  now = new Date(),
}: {
  actor: StaffActor;
  waveId: number;
  comment: string;
  reviewedRequestAt?: Date | null;
  now?: Date;
}) {
  await db.transaction(async (tx) => {
    const wave = await lockWaveFor(tx, { waveId, command: "approve", actor, now });
    if (reviewedRequestAt !== undefined && wave.requestedAt?.getTime() !== reviewedRequestAt?.getTime()) throw new AppError("REQUEST_CHANGED");
    // Four-eyes needs two independent people: neither may owe the other their staff role (an admin could otherwise
    // make an account of their own an operator, have it ask, and approve the request themselves).
    if (wave.requestedBy) {
      // A request outlives nobody's say-so: once its author has lost the operator role (perhaps over this very plan),
      // it can only be rejected.
      if (!(await holdsRoleNow(tx, wave.requestedBy, "operator"))) throw new AppError("REQUESTER_NOT_STAFF");
      const tie = await appointmentTie(tx, { approverId: actor.id, requesterId: wave.requestedBy });
      if (tie) throw new AppError(tieRefusals[tie]);
    }
    const reason = reasonRequired(comment);
    const startsAt = wave.startOnApproval ? now : wave.startsAt!;
    await tx.update(waves).set({ status: "scheduled", startsAt, reviewedBy: actor.id, reviewedAt: now, reviewComment: reason, updatedAt: now }).where(eq(waves.id, waveId));
    await recordAudit(tx, {
      actor,
      action: "wave.approve",
      targetType: "wave",
      targetId: String(waveId),
      before: { status: "pending_approval", requestedBy: wave.requestedBy },
      after: { status: "scheduled", startsAt: startsAt.toISOString() },
      reason,
      at: now,
    });
  });
}

/** Admin, never the requester: pending → draft, with the reason the requester will read. */
export async function rejectWave({ actor, waveId, comment, now = new Date() }: { actor: StaffActor; waveId: number; comment: string; now?: Date }) {
  await db.transaction(async (tx) => {
    const wave = await lockWaveFor(tx, { waveId, command: "reject", actor, now });
    const reason = reasonRequired(comment);
    await tx.update(waves).set({ status: "draft", reviewedBy: actor.id, reviewedAt: now, reviewComment: reason, updatedAt: now }).where(eq(waves.id, waveId));
    await recordAudit(tx, {
      actor,
      action: "wave.reject",
      targetType: "wave",
      targetId: String(waveId),
      before: { status: "pending_approval", requestedBy: wave.requestedBy },
      after: { status: "draft" },
      reason,
      at: now,
    });
  });
}
