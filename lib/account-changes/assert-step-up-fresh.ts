import { AppError } from "@/lib/errors";
import { isStepUpFresh, type StepUpAction } from "@/lib/two-step/step-up";

/** The domain's own guard (pages redirect earlier with requireStepUp): no sensitive change without a fresh proof. */
export async function assertStepUpFresh(input: { sessionId: string; action: StepUpAction; now?: Date }) {
  if (!(await isStepUpFresh(input))) throw new AppError("STEP_UP_REQUIRED", { action: input.action });
}
