import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { requireStepUp, type StepUpAction } from "@/lib/two-step/step-up";

/**
 * Pages and actions that change a 2SV account's factors: signed in, 2SV on (availability is never asked again of
 * an enrolled account), and a code verified for this very action within the last 10 minutes.
 */
export async function requireManage(action: StepUpAction, path: string) {
  const current = await requireUser(path);
  if (!current.user.twoStepEnabledAt) redirect("/account/security");
  await requireStepUp({ sessionId: current.session.id, action, returnTo: path });
  return current;
}
