import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getEnrollment } from "@/lib/two-step/enrollment/get-enrollment";
import { stepPath } from "@/lib/two-step/enrollment/steps";

/** /account/security/enable resumes the wizard at the step the owner reached (each step is its own page). */
export default async function EnablePage() {
  const { user } = await requireUser("/account/security/enable");
  const enrollment = await getEnrollment(user.id);
  redirect(stepPath(enrollment?.step ?? "explain"));
}
