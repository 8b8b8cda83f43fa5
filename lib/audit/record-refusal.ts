import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor, type AuditAction, type AuditEntry } from "./record-audit";

/**
 * Refusals that mean someone tried what their role or the four-eyes rule does not allow. Others (a missing reason, a
 * wave that moved on) are mistakes, not attempts, and stay out of the log.
 */
const authorizationRefusals = new Set(["FORBIDDEN", "OWN_REQUEST", "APPOINTED_BY_REQUESTER", "APPOINTED_THE_REQUESTER", "OWN_ROLE", "OWN_ROLE_REQUEST", "ROLE_APPOINTED_BY_REQUESTER", "ROLE_APPOINTED_THE_REQUESTER", "SAME_APPOINTER", "ROLE_SAME_APPOINTER"]);

export interface Attempt {
  action: AuditAction | "staff.page" | "staff.action";
  targetType: AuditEntry["targetType"];
  targetId: string;
}

// The same refusal again within this window is one attempt (a reload, a double click): audit rows are forever. So
// that nobody can bury the log (or their own earlier rows) under refusals of made-up paths, an actor gets at most
// `refusalsPerWindow` rows per window; the first ones already say what they were trying.
const repeatWindowMs = 5 * 60_000;
const refusalsPerWindow = 20;

/**
 * A staff member's refused attempt, as an audit row `staff.denied` (OWASP ASVS 5.0 §16.3.2: failed authorization is
 * logged). Written on its own, outside the attempt's transaction, which rolled back. A failure to write it is logged
 * and never changes the answer the staff member gets.
 */
export async function recordRefusal(actor: Actor, attempt: Attempt, refusal: unknown, now = new Date()) {
  const code = refusal instanceof AppError ? refusal.code : typeof refusal === "string" ? refusal : null;
  if (!code || !authorizationRefusals.has(code)) return;
  const after = { attempted: attempt.action, refusal: code };
  try {
    const [recent] = await db
      .select({
        all: sql<number>`count(*)::int`,
        same: sql<number>`(count(*) filter (where ${auditLog.targetId} = ${attempt.targetId} and ${auditLog.after} = ${JSON.stringify(after)}::jsonb))::int`,
      })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, actor.id), eq(auditLog.action, "staff.denied"), gt(auditLog.at, new Date(now.getTime() - repeatWindowMs))));
    if (recent && (recent.same > 0 || recent.all >= refusalsPerWindow)) return;
    await recordAudit(db, {
      actor,
      action: "staff.denied",
      targetType: attempt.targetType,
      targetId: attempt.targetId,
      after,
      at: now,
    });
  } catch {
    console.error(`[audit] could not record a refused ${attempt.action} by ${actor.id}`);
  }
}
