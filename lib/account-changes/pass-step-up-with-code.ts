import { AppError } from "@/lib/errors";
import { recordStepUp, type StepUpAction } from "@/lib/two-step/step-up";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";

/** Step-up for an account with 2SV: a step-up code sent to this session, then a fresh proof for this one action. */
export async function passStepUpWithCode(input: {
  user: { id: string; twoStepEnabledAt: Date | null };
  sessionId: string;
  action: StepUpAction;
  challengeId: string;
  code: string;
  now?: Date;
}) {
  if (!input.user.twoStepEnabledAt) throw new AppError("TWO_STEP_OFF");
  await verifyChallenge({ challengeId: input.challengeId, sessionId: input.sessionId, purpose: "step_up", code: input.code, now: input.now });
  await recordStepUp({ sessionId: input.sessionId, action: input.action, now: input.now });
}
