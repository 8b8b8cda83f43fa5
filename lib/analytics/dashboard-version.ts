import { sql } from "drizzle-orm";
import { dashboardDb } from "@/db";
import { rowsOf } from "@/db/rows";

/**
 * A cheap fingerprint of what the dashboard draws, so an open dashboard re-renders only when it would change:
 * every figure comes from rollups and gauges written in the same transaction as an event, and every rollout
 * change (staff or guardrail) writes an audit row. The minute is part of it because waves go live on a schedule.
 * Three index-only reads, about a millisecond, against a full render's eight dashboard queries.
 */
export async function readDashboardVersion(now = new Date()): Promise<string> {
  const result = await dashboardDb.execute(sql`
    select (select coalesce(max(id), 0) from events)::text as events,
           (select coalesce(max(id), 0) from audit_log)::text as audit,
           (select coalesce(sum(value), 0) from country_gauges)::text as gauges`);
  const [row] = rowsOf<{ events: string; audit: string; gauges: string }>(result);
  return [Math.floor(now.getTime() / 60_000), row!.events, row!.audit, row!.gauges].join(".");
}
