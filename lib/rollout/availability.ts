import type { RampStep, WaveStatus } from "@/db/schema";
import { fullRamp, isInRamp, rampPercentAt } from "./ramp";

export interface WaveTiming {
  id: number;
  name: string;
  status: WaveStatus;
  startsAt: Date | null;
  rampSteps?: RampStep[];
  pausedAt?: Date | null;
  pauseReason?: string | null;
}

export interface CountryPause {
  reason: string;
  source: "staff" | "guardrail";
}

export type Availability =
  | { status: "available"; wave: string; since: Date }
  | { status: "ramping"; wave: string; waveId: number; since: Date; percent: number }
  | { status: "paused"; wave: string; reason: string; since: Date | null }
  | { status: "scheduled"; wave: string; startsAt: Date }
  | { status: "planned"; wave: string }
  | { status: "not_available" };

const approved: WaveStatus[] = ["scheduled", "live", "complete"];

/**
 * Pure: a country's 2SV availability at `now`, computed from its wave's stored times and any pause (no cron flips
 * a flag). A pause of the wave or of the country stops new enrollments; it never touches enrolled accounts.
 */
export function availabilityAt(wave: WaveTiming | null | undefined, now: Date, countryPause: CountryPause | null = null): Availability {
  if (!wave || wave.status === "cancelled") return { status: "not_available" };
  if (!approved.includes(wave.status) || !wave.startsAt) return { status: "planned", wave: wave.name };
  const pauseReason = wave.pausedAt ? wave.pauseReason : countryPause?.reason;
  if (pauseReason != null) return { status: "paused", wave: wave.name, reason: pauseReason, since: wave.startsAt <= now ? wave.startsAt : null };
  if (wave.startsAt > now) return { status: "scheduled", wave: wave.name, startsAt: wave.startsAt };
  const percent = rampPercentAt(wave.rampSteps ?? fullRamp, wave.startsAt, now);
  if (percent >= 100) return { status: "available", wave: wave.name, since: wave.startsAt };
  return { status: "ramping", wave: wave.name, waveId: wave.id, since: wave.startsAt, percent };
}

/** Pure: what one account sees — while its country ramps, it is offered 2SV once its bucket is in. */
export function availabilityForAccount(availability: Availability, userId: string): Availability {
  if (availability.status !== "ramping") return availability;
  return isInRamp(availability.waveId, userId, availability.percent) ? { status: "available", wave: availability.wave, since: availability.since } : availability;
}
