import { createHash } from "node:crypto";
import type { RampStep } from "@/db/schema";

export const fullRamp: RampStep[] = [{ percent: 100, afterMinutes: 0 }];

/** Pure: the share of a wave's accounts offered 2SV at `now` (0 before the start or before the first step). */
export function rampPercentAt(steps: RampStep[], startsAt: Date, now: Date): number {
  const elapsedMinutes = (now.getTime() - startsAt.getTime()) / 60_000;
  if (elapsedMinutes < 0) return 0;
  return steps.reduce((percent, step) => (step.afterMinutes <= elapsedMinutes ? Math.max(percent, step.percent) : percent), 0);
}

/** Pure: when the ramp next changes, or null once it has reached its last step. */
export function nextRampStep(steps: RampStep[], startsAt: Date, now: Date): { percent: number; at: Date } | null {
  const next = steps.map((s) => ({ percent: s.percent, at: new Date(startsAt.getTime() + s.afterMinutes * 60_000) })).find((s) => s.at > now);
  return next ?? null;
}

/**
 * Pure and deterministic: an account's place (0–99) in a wave's ramp, from a hash of wave and account. The same
 * account always lands in the same bucket, so it stays eligible as the percentage rises and a paused and resumed
 * ramp never reshuffles who is in. `ramp_bucket` in SQL (lib/rollout/count-eligible.ts) computes the same number.
 */
export function rampBucket(waveId: number, userId: string): number {
  const digest = createHash("md5").update(`${waveId}:${userId}`).digest();
  return digest.readUInt32BE(0) % 100;
}

export const isInRamp = (waveId: number, userId: string, percent: number) => rampBucket(waveId, userId) < percent;

export type RampProblem = "EMPTY" | "PERCENT_RANGE" | "NOT_RISING" | "NOT_FULL" | "FIRST_NOT_AT_START" | "TIME_NOT_RISING";

/** Pure: a valid ramp starts at minute 0, rises strictly in both percent and time, and ends at 100%. */
export function rampProblem(steps: RampStep[]): RampProblem | null {
  if (steps.length === 0) return "EMPTY";
  if (steps.some((s) => !Number.isInteger(s.percent) || s.percent < 1 || s.percent > 100)) return "PERCENT_RANGE";
  if (steps[0]!.afterMinutes !== 0) return "FIRST_NOT_AT_START";
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.percent <= steps[i - 1]!.percent) return "NOT_RISING";
    if (steps[i]!.afterMinutes <= steps[i - 1]!.afterMinutes) return "TIME_NOT_RISING";
  }
  if (steps.at(-1)!.percent !== 100) return "NOT_FULL";
  return null;
}
