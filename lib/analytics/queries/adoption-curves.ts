import { and, between, eq, gt, inArray, sql } from "drizzle-orm";
import { dashboardDb } from "@/db";
import { dailyRollups } from "@/db/schema";
import { addDays, daysBetween } from "../dashboard-filters";
import { gaugesAsOf } from "./load-rollups";
import { loadLaunchedWaves } from "./planned-availability";

export interface CurvePoint {
  day: number;
  enrolled: number;
  accounts: number;
  /** Share of the wave's accounts enrolled at the end of that day since launch. */
  rate: number;
}

export interface AdoptionCurve {
  waveId: number;
  wave: string;
  launchDay: string;
  points: CurvePoint[];
}

/**
 * Each launched wave's enrollment rate by days since its launch (day 0 = launch day), so waves launched years
 * apart compare on one chart. Reads the wave countries' rollups from the launch on: countries × days rows.
 */
export async function loadAdoptionCurves({ countries, today, horizonDays = 180 }: { countries: string[] | null; today: string; horizonDays?: number }): Promise<AdoptionCurve[]> {
  const waves = await loadLaunchedWaves(new Date(`${today}T23:59:59.999Z`));
  return Promise.all(
    waves
      .map((w) => ({ ...w, countries: countries ? w.countries.filter((c) => countries.includes(c)) : w.countries }))
      .filter((w) => w.countries.length > 0)
      .map(async (w) => {
        const horizonEnd = addDays(w.launchDay, horizonDays);
        const scope = inArray(dailyRollups.countryCode, w.countries);
        // Only the horizon's days are read day by day; accounts created after it are one sum (rows after the
        // horizon are skipped by the (metric, day) index instead of grouped).
        const [totals, daily, [after]] = await Promise.all([
          gaugesAsOf({ asOf: today, countries: w.countries }),
          dashboardDb
            .select({ day: dailyRollups.day, metric: dailyRollups.metric, n: sql<number>`sum(${dailyRollups.count})::int` })
            .from(dailyRollups)
            .where(and(between(dailyRollups.day, w.launchDay, horizonEnd), inArray(dailyRollups.metric, ["account_created", "two_step_enabled", "two_step_disabled"]), scope))
            .groupBy(dailyRollups.day, dailyRollups.metric),
          dashboardDb
            .select({ n: sql<number>`coalesce(sum(${dailyRollups.count}), 0)::int` })
            .from(dailyRollups)
            .where(and(eq(dailyRollups.metric, "account_created"), gt(dailyRollups.day, horizonEnd), scope)),
        ]);
        const totalAccounts = [...totals.values()].reduce((n, g) => n + g.accounts, 0) - (after?.n ?? 0);
        return { waveId: w.id, wave: w.name, launchDay: w.launchDay, points: curvePoints({ launchDay: w.launchDay, today, horizonDays, totalAccounts, daily }) };
      }),
  );
}

/**
 * Pure: cumulative points from the daily rollups of the horizon. `totalAccounts` = accounts at the end of the horizon
 * (or today); accounts before launch = that − those created within the horizon.
 */
export function curvePoints({ launchDay, today, horizonDays, totalAccounts, daily }: { launchDay: string; today: string; horizonDays: number; totalAccounts: number; daily: { day: string; metric: string; n: number }[] }): CurvePoint[] {
  const last = Math.min(horizonDays, daysBetween(launchDay, today));
  const byDay = new Map<number, { created: number; net: number }>();
  let createdSinceLaunch = 0;
  for (const r of daily) {
    const d = daysBetween(launchDay, r.day);
    const e = byDay.get(d) ?? { created: 0, net: 0 };
    if (r.metric === "account_created") {
      e.created += r.n;
      createdSinceLaunch += r.n;
    } else e.net += r.metric === "two_step_enabled" ? r.n : -r.n;
    byDay.set(d, e);
  }
  let accounts = totalAccounts - createdSinceLaunch;
  let enrolled = 0;
  const points: CurvePoint[] = [];
  for (let d = 0; d <= last; d++) {
    const e = byDay.get(d);
    accounts += e?.created ?? 0;
    enrolled += e?.net ?? 0;
    points.push({ day: d, enrolled, accounts, rate: accounts ? enrolled / accounts : 0 });
  }
  return points;
}

