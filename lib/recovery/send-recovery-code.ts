import { AppError } from "@/lib/errors";
import { issueChallenge, type RequestContext } from "@/lib/two-step/issue-challenge";
import type { RecoveryAttempt } from "./recovery-attempt";
import { isRecoveryAttemptOpen, recoveryAttemptStatus } from "./recovery-attempt-status";

/** Sends a recovery code to a trusted phone or the trusted devices, bound to this (still open) recovery attempt only. */
export async function sendRecoveryCode(input: {
  attempt: RecoveryAttempt;
  method: "sms" | "device";
  phoneId?: string;
  locale?: string;
  request: RequestContext;
  now?: Date;
}) {
  if (!isRecoveryAttemptOpen(await recoveryAttemptStatus(input.attempt, input.now))) throw new AppError("ATTEMPT_INVALID");
  return issueChallenge({
    userId: input.attempt.userId,
    sessionId: input.attempt.id,
    purpose: "recovery",
    method: input.method,
    phoneId: input.phoneId,
    locale: input.locale,
    request: input.request,
    now: input.now,
  });
}
