import type { RegionRow } from "./region-row";

/** Pure: one English sentence for staff about where a country stands. */
export function describeRegionStatus(r: Pick<RegionRow, "status" | "percent" | "wave">): string {
  switch (r.status) {
    case "available":
      return `Available — every account is offered two-step verification (${r.wave}).`;
    case "ramping":
      return `Rolling out — ${r.percent}% of accounts are offered two-step verification (${r.wave}).`;
    case "scheduled":
      return `Scheduled — ${r.wave} is approved and starts at its start time.`;
    case "paused":
      return `Paused — new enrollments are stopped (${r.wave}).`;
    case "planned":
      return `Planned in ${r.wave}, not yet approved.`;
    default:
      return "Not available — in no wave yet.";
  }
}
