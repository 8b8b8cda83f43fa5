import { and, eq, ne } from "drizzle-orm";
import { dashboardDb } from "@/db";
import { waveCountries, waves } from "@/db/schema";
import type { DashboardFilters } from "./dashboard-filters";

/** The countries the filters cover: one country, a wave's countries, or null for all. */
export async function scopeCountries(filters: Pick<DashboardFilters, "waveId" | "country">): Promise<string[] | null> {
  if (filters.country) return [filters.country];
  if (!filters.waveId) return null;
  const rows = await dashboardDb
    .select({ code: waveCountries.countryCode })
    .from(waveCountries)
    .innerJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled")))
    .where(eq(waveCountries.waveId, filters.waveId));
  return rows.map((r) => r.code);
}
