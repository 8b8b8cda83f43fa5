import type { WaveStatus } from "@/db/schema";

export interface WaveTiming {
  name: string;
  status: WaveStatus;
  startsAt: Date | null;
}

export type Availability =
  | { status: "available"; wave: string; since: Date }
  | { status: "scheduled"; wave: string; startsAt: Date }
  | { status: "planned"; wave: string }
  | { status: "not_available" };

const launchable: WaveStatus[] = ["scheduled", "live", "complete"];

/** Pure: a country's 2SV availability at `now`, computed from its wave's stored times (no cron flips a flag). */
export function availabilityAt(wave: WaveTiming | null | undefined, now: Date): Availability {
  if (!wave || wave.status === "cancelled") return { status: "not_available" };
  if (launchable.includes(wave.status) && wave.startsAt) {
    return wave.startsAt <= now
      ? { status: "available", wave: wave.name, since: wave.startsAt }
      : { status: "scheduled", wave: wave.name, startsAt: wave.startsAt };
  }
  return { status: "planned", wave: wave.name };
}
