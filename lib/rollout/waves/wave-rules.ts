import type { RampStep, Role, WaveStatus } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { fullRamp, rampPercentAt } from "../ramp";

export type WavePhase = "draft" | "pending_approval" | "scheduled" | "live" | "complete" | "cancelled";

export interface WaveState {
  status: WaveStatus;
  startsAt: Date | null;
  startOnApproval: boolean;
  rampSteps: RampStep[];
  requestedBy: string | null;
  pausedAt: Date | null;
}

/**
 * Pure: where a wave is in its life at `now`. Approval stores "scheduled"; going live and completing are read from
 * the stored start and ramp times, so they happen on time with no cron or worker.
 */
export function wavePhaseAt(wave: Pick<WaveState, "status" | "startsAt" | "rampSteps">, now: Date): { phase: WavePhase; percent: number } {
  if (wave.status === "draft" || wave.status === "pending_approval" || wave.status === "cancelled") return { phase: wave.status, percent: 0 };
  if (!wave.startsAt || wave.startsAt > now) return { phase: "scheduled", percent: 0 };
  const percent = rampPercentAt(wave.rampSteps.length ? wave.rampSteps : fullRamp, wave.startsAt, now);
  return { phase: percent >= 100 ? "complete" : "live", percent };
}

export type WaveCommand = "edit" | "request" | "approve" | "reject" | "cancel" | "pause" | "resume" | "guardrails";

export type WaveCommandProblem = "FORBIDDEN" | "OWN_REQUEST" | "WRONG_STATE" | "ALREADY_STARTED" | "START_PASSED" | "ALREADY_PAUSED" | "NOT_PAUSED";

/** Who may do what: operators plan, request and pause; admins also approve (never their own request) and set policy. */
const minimumRole: Record<WaveCommand, Role> = {
  edit: "operator",
  request: "operator",
  cancel: "operator",
  pause: "operator",
  resume: "operator",
  approve: "admin",
  reject: "admin",
  guardrails: "admin",
};

/** Pure: why `actor` may not run `command` on `wave` at `now`, or null when they may. */
export function waveCommandProblem({
  command,
  wave,
  actor,
  now,
}: {
  command: WaveCommand;
  wave: WaveState;
  actor: { id: string; role: Role };
  now: Date;
}): WaveCommandProblem | null {
  if (!hasRole(actor.role, minimumRole[command])) return "FORBIDDEN";
  const { phase } = wavePhaseAt(wave, now);
  switch (command) {
    case "edit":
    case "request":
      return phase === "draft" ? null : "WRONG_STATE";
    case "approve":
      if (phase !== "pending_approval") return "WRONG_STATE";
      if (wave.requestedBy === actor.id) return "OWN_REQUEST";
      if (!wave.startOnApproval && (!wave.startsAt || wave.startsAt <= now)) return "START_PASSED";
      return null;
    case "reject":
      if (phase !== "pending_approval") return "WRONG_STATE";
      return wave.requestedBy === actor.id ? "OWN_REQUEST" : null;
    case "cancel":
      if (phase === "live" || phase === "complete") return "ALREADY_STARTED";
      return phase === "cancelled" ? "WRONG_STATE" : null;
    case "pause":
      if (phase !== "scheduled" && phase !== "live" && phase !== "complete") return "WRONG_STATE";
      return wave.pausedAt ? "ALREADY_PAUSED" : null;
    case "resume":
      // A wave paused while scheduled and then cancelled keeps its pause stamp; resuming it would be a false event.
      if (phase === "cancelled") return "WRONG_STATE";
      return wave.pausedAt ? null : "NOT_PAUSED";
    case "guardrails":
      return phase === "cancelled" ? "WRONG_STATE" : null;
  }
}
