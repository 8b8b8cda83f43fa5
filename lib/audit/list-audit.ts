import { desc } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import type { AuditRow } from "./audit-row";

/** The newest entries first; the Audit table filters and exports them in the browser. */
export async function listAudit({ limit = 5000 } = {}): Promise<AuditRow[]> {
  const rows = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
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
