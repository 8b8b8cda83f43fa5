import { and, eq, ne } from "drizzle-orm";
import { dashboardDb } from "@/db";
import { waveCountries, waves } from "@/db/schema";
import { availabilityAt } from "@/lib/rollout/availability";

/** Share of each country's accounts the rollout plan offers 2SV at `at` (1 available, n% ramping, else 0). */
export async function loadOfferedShare(at: Date) {
  const rows = await dashboardDb
    .select({ code: waveCountries.countryCode, wave: waves })
    .from(waveCountries)
    .innerJoin(waves, and(eq(waves.id, waveCountries.waveId), ne(waves.status, "cancelled")));
  const share = new Map<string, number>();
  for (const { code, wave } of rows) {
    const a = availabilityAt(wave, at);
    share.set(code, a.status === "available" ? 1 : a.status === "ramping" ? a.percent / 100 : 0);
  }
  return share;
}

/** Waves that have started by `at`, with their countries and launch day (UTC). */
export async function loadLaunchedWaves(at: Date) {
  const rows = await dashboardDb
    .select({ id: waves.id, name: waves.name, status: waves.status, startsAt: waves.startsAt, code: waveCountries.countryCode })
    .from(waves)
    .innerJoin(waveCountries, eq(waveCountries.waveId, waves.id))
    .where(ne(waves.status, "cancelled"));
  const launched = new Map<number, { id: number; name: string; launchDay: string; countries: string[] }>();
  for (const r of rows) {
    if (!["scheduled", "live", "complete"].includes(r.status) || !r.startsAt || r.startsAt > at) continue;
    const w = launched.get(r.id) ?? { id: r.id, name: r.name, launchDay: r.startsAt.toISOString().slice(0, 10), countries: [] };
    w.countries.push(r.code);
    launched.set(r.id, w);
  }
  return [...launched.values()].sort((a, b) => a.launchDay.localeCompare(b.launchDay));
}
