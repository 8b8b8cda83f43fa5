import { AppError } from "@/lib/errors";
import { recordStepUp, type StepUpAction } from "@/lib/two-step/step-up";
import { checkSecurityAnswers } from "./check-security-answers";

/** Step-up for an account without 2SV: the three security answers, then a fresh proof for this one action. */
export async function passStepUpWithQuestions(input: {
  user: { id: string; twoStepEnabledAt: Date | null };
  sessionId: string;
  action: StepUpAction;
  answers: Record<number, string>;
  now?: Date;
}) {
  // 2SV replaces security questions: an account with 2SV on proves itself with a code only.
  if (input.user.twoStepEnabledAt) throw new AppError("TWO_STEP_ON");
  await checkSecurityAnswers({ userId: input.user.id, answers: input.answers, purpose: "step_up", now: input.now });
  await recordStepUp({ sessionId: input.sessionId, action: input.action, now: input.now });
}
