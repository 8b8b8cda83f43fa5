/** One country as the Regions table shows it: rollout status, SMS carrier support and enrollment counts. */
export type RegionStatus = "not_available" | "planned" | "scheduled" | "ramping" | "available" | "paused";

export interface RegionRow {
  code: string;
  name: string;
  /** Other names the search finds it by ("USA", "UK"); see countryAliases. */
  aliases: string[];
  status: RegionStatus;
  /** Share of the country's accounts offered 2SV while its wave ramps (0–100); null unless ramping. */
  percent: number | null;
  waveId: number | null;
  wave: string | null;
  /** ISO time the country's wave started, or is scheduled to start; null when not yet scheduled. */
  launchedAt: string | null;
  smsSupported: boolean;
  pauseReason: string | null;
  accounts: number;
  eligible: number;
  enrolled: number;
}
