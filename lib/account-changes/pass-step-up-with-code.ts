import { AppError } from "@/lib/errors";
import { recordStepUp, type StepUpAction } from "@/lib/two-step/step-up";
import { checkSecondFactor, type SecondFactorProof } from "@/lib/two-step/check-second-factor";
import type { RequestContext } from "@/lib/two-step/issue-challenge";

/**
 * Step-up for an account with 2SV: any second factor (a code sent to this session, the authenticator app, a backup
 * code, a passkey), then a fresh proof for this one action.
 */
export async function passStepUpWithCode(input: {
  user: { id: string; twoStepEnabledAt: Date | null };
  sessionId: string;
  action: StepUpAction;
  proof: SecondFactorProof;
  request?: RequestContext;
  now?: Date;
}) {
  if (!input.user.twoStepEnabledAt) throw new AppError("TWO_STEP_OFF");
  await checkSecondFactor({ userId: input.user.id, sessionId: input.sessionId, purpose: "step_up", proof: input.proof, request: input.request, now: input.now });
  await recordStepUp({ sessionId: input.sessionId, action: input.action, now: input.now });
}
