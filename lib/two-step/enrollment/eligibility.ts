import type { Availability } from "@/lib/rollout/availability";
import type { WaitingPeriod } from "./waiting-period";

export type Eligibility =
  | { status: "enabled" }
  | { status: "unavailable"; availability: Exclude<Availability, { status: "available" }> }
  | { status: "waiting"; period: WaitingPeriod }
  | { status: "eligible" };

/**
 * Pure. Whether this account may turn 2SV on now. An enrolled account keeps 2SV whatever happens to its country's
 * availability later, so availability is only asked of accounts without it.
 */
export function eligibility({
  enabled,
  availability,
  waiting,
}: {
  enabled: boolean;
  availability: Availability | null;
  waiting: WaitingPeriod | null;
}): Eligibility {
  if (enabled) return { status: "enabled" };
  if (availability?.status !== "available") return { status: "unavailable", availability: availability ?? { status: "not_available" } };
  if (waiting) return { status: "waiting", period: waiting };
  return { status: "eligible" };
}
