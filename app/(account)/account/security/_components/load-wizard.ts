import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { getEnrollment } from "@/lib/two-step/enrollment/get-enrollment";
import { canOpenStep, stepPath, type EnrollmentStep } from "@/lib/two-step/enrollment/steps";

/**
 * Every wizard page starts here: a signed-in owner whose country offers 2SV and who does not have it yet. A step
 * not reached yet sends them to the step they are on (the wizard resumes where it was left).
 */
export async function loadWizard(step: EnrollmentStep) {
  const current = await requireUser(stepPath(step));
  const status = await getEligibility({ user: current.user });
  if (status.status === "enabled" || status.status === "unavailable") redirect("/account/security");
  const enrollment = await getEnrollment(current.user.id);
  const reached = enrollment?.step ?? "explain";
  if (!canOpenStep(step, reached)) redirect(stepPath(reached));
  return { ...current, status, enrollment, reached };
}
