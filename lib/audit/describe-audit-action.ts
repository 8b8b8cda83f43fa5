import type { AuditAction } from "./record-audit";

// The console's own words for each stored action name. The stored name stays the record (CSV, filters by value);
// this is only how a person reads it.
const labels: Record<AuditAction, string> = {
  "wave.create": "Wave drafted",
  "wave.update": "Wave edited",
  "wave.request": "Launch requested",
  "wave.approve": "Launch approved",
  "wave.reject": "Launch rejected",
  "wave.cancel": "Wave cancelled",
  "wave.pause": "Wave paused",
  "wave.resume": "Wave resumed",
  "wave.guardrails": "Guardrails changed",
  "country.pause": "Country paused",
  "country.resume": "Country resumed",
  "country.sms": "SMS switched",
  "country.guardrail_pause": "Paused by guardrail",
  "staff.role": "Role changed",
  "staff.role_request": "Role requested",
  "staff.role_reject": "Role request rejected",
  "staff.denied": "Attempt refused",
};

/** "wave.approve" → "Launch approved". A name this code does not know (written by a newer release) shows as stored. */
export function describeAuditAction(action: string) {
  return Object.hasOwn(labels, action) ? labels[action as AuditAction] : action;
}
