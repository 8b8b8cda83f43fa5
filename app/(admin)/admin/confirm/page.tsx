import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ClientMessages } from "@/components/layout/client-messages";
import { StepUpCodeChallenge, StepUpPrompt } from "@/components/two-step/step-up-prompt";
import { requireStaff } from "@/lib/auth/current-user";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { hasFreshStepUp } from "../_lib/staff-context";

export const metadata: Metadata = { title: "Confirm it's you" };

/**
 * The console's "Confirm it's you": a code before launching, approving, pausing or changing roles (confirmHref), shown
 * inside the console, then back to the page that asked. Only roles that may make the change are asked.
 */
export default async function StaffConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const action = params.action;
  if (action !== "rollout" && action !== "staff") notFound();
  const { user, session } = await requireStaff(action === "staff" ? "admin" : "operator");
  const next = safeRedirect(params.next, "/admin");
  if (await hasFreshStepUp(session.id, action)) redirect(next);
  return (
    <ClientMessages namespaces={["codeChallenge"]}>
      <StepUpPrompt action={action} cancelHref={next}>
        <StepUpCodeChallenge userId={user.id} action={action} next={next} />
      </StepUpPrompt>
    </ClientMessages>
  );
}
