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

/** Pure: filters from search params; the last 30 days by default; a bad value falls back to its default. */
export function parseDashboardFilters(params: Record<string, string | string[] | undefined>, today: string): DashboardFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  let to = isDay(one("to")) && one("to")! <= today ? one("to")! : today;
  let from = isDay(one("from")) ? one("from")! : addDays(to, -29);
  if (from > to) [from, to] = [to, from];
  const country = one("country")?.toUpperCase();
  return { from, to, waveId: parseRecordId(one("wave")), country: country && /^[A-Z]{2}$/.test(country) ? country : null };
}

/** Pure: the period of the same length just before `from`..`to`, for "change vs previous period". */
export function previousPeriod({ from, to }: Pick<DashboardFilters, "from" | "to">) {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}
