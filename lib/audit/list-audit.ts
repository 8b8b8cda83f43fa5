import { count, desc, lt } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import type { AuditRow } from "./audit-row";

/** How many entries the Audit page loads: the table filters and exports them in the browser. */
export const auditPageLimit = 5000;

/** Every entry ever written (none is ever deleted), to say when the page shows only the newest. */
export async function countAudit() {
  const [row] = await db.select({ entries: count() }).from(auditLog);
  return row?.entries ?? 0;
}

/**
 * The newest entries first, or with `before` (an entry's id) the ones written before it: the Audit page's way back
 * through the log, a page of `limit` at a time. The table filters and exports each page in the browser.
 */
export async function listAudit({ limit = auditPageLimit, before }: { limit?: number; before?: number } = {}): Promise<AuditRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(before === undefined ? undefined : lt(auditLog.id, before))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    targetType: r.targetType,
    target: r.targetId,
    countryCode: r.countryCode,
    reason: r.reason,
    before: r.before,
    after: r.after,
  }));
}
