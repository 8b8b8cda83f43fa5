import type { DB } from "@/db";
import { auditLog } from "@/db/schema";
import { plainText } from "@/lib/validation/plain-text";

export type AuditAction =
  | "wave.create"
  | "wave.update"
  | "wave.request"
  | "wave.approve"
  | "wave.reject"
  | "wave.cancel"
  | "wave.pause"
  | "wave.resume"
  | "wave.guardrails"
  | "country.pause"
  | "country.resume"
  | "country.sms"
  | "country.guardrail_pause"
  | "staff.role"
  // Asked for a higher staff role, which a second admin approves ("staff.role") or rejects (review-staff-role.ts).
  | "staff.role_request"
  | "staff.role_reject"
  // A staff member tried what their role or the four-eyes rule does not allow (record-refusal.ts).
  | "staff.denied";

/** Who did it: a staff member, or null for the system (a guardrail). */
export interface Actor {
  id: string;
  name: string;
  email: string;
}

/** "Name <address>". Names saved before angle brackets were refused lose them here, so none passes for another's label. */
export const actorLabel = (actor: Actor | null) => (actor ? `${plainText(actor.name).replace(/[<>]/g, "")} <${actor.email}>` : "System (guardrail)");

export interface AuditEntry {
  actor: Actor | null;
  /** Who acted when `actor` is null and it was not a guardrail: "Server console (root@host)". */
  system?: string;
  action: AuditAction;
  targetType: "wave" | "country" | "user" | "page";
  targetId: string;
  countryCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
  at?: Date;
}

/**
 * Appends an audit row. Always pass the transaction that makes the change: the row commits with it or not at all.
 * There is deliberately no update or delete function for this table (and the database refuses both).
 */
export async function recordAudit(tx: Pick<DB, "insert">, entry: AuditEntry) {
  await tx.insert(auditLog).values({
    at: entry.at ?? new Date(),
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? actorLabel(entry.actor) : (entry.system ?? actorLabel(null)),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    countryCode: entry.countryCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}

