/** One audit entry as the Audit table shows it. `before`/`after` are the changed fields only. */
export interface AuditRow {
  id: number;
  at: string;
  /** Staff member's name and email, or "System (guardrail)" for automatic actions. */
  actor: string;
  action: string;
  targetType: string;
  target: string;
  countryCode: string | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
