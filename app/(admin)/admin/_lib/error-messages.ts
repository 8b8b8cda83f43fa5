import { AppError } from "@/lib/errors";

// Staff pages stay in English: one place maps every domain refusal to a sentence a staff member can act on.
const messages: Record<string, string> = {
  FORBIDDEN: "Your role does not allow this.",
  NOT_FOUND: "That wave no longer exists.",
  OWN_REQUEST: "You asked for this launch, so someone else has to approve or reject it (four-eyes rule).",
  APPOINTED_BY_REQUESTER: "Whoever asked for this launch gave you your staff role (directly or through others), so another admin has to approve it (four-eyes rule).",
  APPOINTED_THE_REQUESTER: "You gave whoever asked for this launch their staff role (directly or through others), so another admin has to approve it (four-eyes rule).",
  SAME_APPOINTER: "The admin who gave you your staff role also gave it to whoever asked for this launch (directly or through others), so an admin from outside that line has to approve it (four-eyes rule).",
  REQUESTER_NOT_STAFF: "Whoever asked for this launch no longer has the operator role, so it can only be rejected. A current operator can ask again.",
  REQUEST_CHANGED: "This launch was asked for again since you opened this page, perhaps with other countries or dates. Reload and read it before approving.",
  PLAN_CHANGED: "Someone saved changes to this plan since you opened this page. Reload and read it before requesting approval.",
  WRONG_STATE: "The wave has moved on since you opened this page. Reload to see where it is now.",
  ALREADY_STARTED: "The wave has already started, so it can no longer be cancelled. Pause it instead.",
  START_PASSED: "The planned start time has passed. Reject the request so the operator can choose a new time.",
  ALREADY_PAUSED: "Already paused.",
  NOT_PAUSED: "Not paused.",
  REASON_REQUIRED: "Give a reason (at least 3 characters); it goes into the audit log.",
  NAME_TAKEN: "Another wave already has this name.",
  NO_COUNTRIES: "Pick at least one country.",
  UNKNOWN_COUNTRY: "One of the countries is not known. Reload and pick again.",
  START_IN_PAST: "Pick a start time in the future, or start when approved.",
  BAD_RAMP: "Ramp steps must start at 0 hours, rise in both percent and time, and end at 100%.",
  NOT_IN_WAVE: "This country is in no wave, so there is nothing to pause.",
  BAD_GUARDRAILS: "Thresholds are percentages between 1 and 100, and the minimum sample a whole number from 1 to 10,000.",
  NO_ACCOUNT: "No account uses this email. The person must sign up first.",
  OWN_ROLE: "You cannot change your own role; ask another admin.",
  UNCHANGED: "That person already has this role.",
  ROLE_ALREADY_ASKED: "A higher role for this account is already waiting for approval. Approve, reject or withdraw that request first.",
  ROLE_REQUEST_GONE: "That request is no longer waiting: someone decided or withdrew it. Reload the page to see the team as it is now.",
  OWN_ROLE_REQUEST: "You asked for this role, so another admin has to approve it (four-eyes rule). You can withdraw it.",
  ROLE_REQUEST_EXPIRED: "This request is more than 7 days old. Reject it, and ask again if the role is still needed.",
  ROLE_REQUESTER_NOT_ADMIN: "Whoever asked for this role is no longer an admin, so it can only be rejected.",
  ROLE_APPOINTED_BY_REQUESTER: "Whoever asked for this role gave you your staff role (directly or through others), so another admin has to approve it (four-eyes rule).",
  ROLE_SAME_APPOINTER: "The admin who gave you your staff role also gave it to whoever asked for this (directly or through others), so an admin from outside that line has to approve it (four-eyes rule).",
  ROLE_APPOINTED_THE_REQUESTER: "You gave whoever asked for this role their staff role (directly or through others), so another admin has to approve it (four-eyes rule).",
};

export function describeError(error: unknown): string {
  if (error instanceof AppError) {
    if (error.code === "COUNTRY_CONFLICT") {
      const conflicts = (error.details.conflicts ?? []) as { name: string; wave: string }[];
      return `Already in another wave: ${conflicts.map((c) => `${c.name} (${c.wave})`).join(", ")}. A country can be in one wave at a time — remove ${conflicts.length === 1 ? "it" : "them"} to continue.`;
    }
    return messages[error.code] ?? "That did not work. Reload the page and try again.";
  }
  throw error;
}
