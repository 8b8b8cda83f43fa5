import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { isEnrollmentProved } from "@/lib/two-step/enrollment/enrollment-proof";
import { getEnrollment } from "@/lib/two-step/enrollment/get-enrollment";
import { canOpenStep, stepPath, type EnrollmentStep } from "@/lib/two-step/enrollment/steps";

/**
 * Every wizard page starts here: a signed-in owner whose country offers 2SV and who does not have it yet. A step
 * not reached yet sends them to the step they are on (the wizard resumes where it was left, once this session has
 * re-typed the password for it).
 */
export async function loadWizard(step: EnrollmentStep) {
  const current = await requireUser(stepPath(step));
  const status = await getEligibility({ user: current.user });
  if (status.status === "enabled" || status.status === "unavailable") redirect("/account/security");
  const enrollment = await getEnrollment(current.user.id);
  // Past the first step only the session that re-typed the password for it, within the hour (enrollment-proof.ts);
  // anyone else starts at the first step again, which asks for it (the progress is kept).
  const proved = !!enrollment && isEnrollmentProved(enrollment, current.session.id, new Date());
  const reached = proved ? enrollment.step : "explain";
  if (!canOpenStep(step, reached)) redirect(stepPath(reached));
  return { ...current, status, enrollment, proved, reached };
}
