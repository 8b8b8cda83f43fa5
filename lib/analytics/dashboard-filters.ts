import { parseRecordId } from "@/lib/validation/record-id";

/** What the dashboard shows: a UTC day range and an optional wave or country (all kept in the URL). */
export interface DashboardFilters {
  from: string;
  to: string;
  waveId: number | null;
  country: string | null;
}

const isDay = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** No day before this has data (the first wave launched in March 2013): earlier days are read as this one. */
export const earliestDay = "2013-01-01";
/**
 * The longest range shown, in days (two years). Charts draw one point per day and "vs previous period" reads as much
 * again: a URL asking for centuries would have the server build a million-point series on every refresh.
 */
export const longestRangeDays = 731;

/**
 * Pure: filters from search params; the last 30 days by default; a bad value falls back to its default, a day before
 * `earliestDay` is read as it, and a range longer than `longestRangeDays` keeps its end and is cut to that length.
 */
export function parseDashboardFilters(params: Record<string, string | string[] | undefined>, today: string): DashboardFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const notBefore = (day: string) => (day < earliestDay ? earliestDay : day);
  let to = notBefore(isDay(one("to")) && one("to")! <= today ? one("to")! : today);
  let from = notBefore(isDay(one("from")) ? one("from")! : addDays(to, -29));
  if (from > to) [from, to] = [to, from];
  if (daysBetween(from, to) >= longestRangeDays) from = addDays(to, -(longestRangeDays - 1));
  const country = one("country")?.toUpperCase();
  return { from, to, waveId: parseRecordId(one("wave")), country: country && /^[A-Z]{2}$/.test(country) ? country : null };
}

/** Pure: the period of the same length just before `from`..`to`, for "change vs previous period". */
export function previousPeriod({ from, to }: Pick<DashboardFilters, "from" | "to">) {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
