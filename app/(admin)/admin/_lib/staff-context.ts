import type { Role } from "@/db/schema";
import { requireStaff } from "@/lib/auth/current-user";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";
import { isStepUpFresh, stepUpFreshUntil, type StepUpAction } from "@/lib/two-step/step-up";

/** For staff pages and actions: the signed-in staff member (role and 2SV checked) as the actor audit rows name. */
export async function staffContext(minimum: Exclude<Role, "user">) {
  const { user, session } = await requireStaff(minimum);
  const actor: StaffActor = { id: user.id, name: user.name, email: user.email, role: user.role };
  return { actor, sessionId: session.id };
}

/** Launch, approve, pause and role changes need a second-factor confirmation from the last 10 minutes. */
export const hasFreshStepUp = (sessionId: string, action: Extract<StepUpAction, "rollout" | "staff">) => isStepUpFresh({ sessionId, action });
/** When that confirmation runs out, for the page to say so; null without one. */
export const freshStepUpUntil = (sessionId: string, action: Extract<StepUpAction, "rollout" | "staff">) => stepUpFreshUntil({ sessionId, action });

export const confirmHref = (action: "rollout" | "staff", returnTo: string) => `/admin/confirm?action=${action}&next=${encodeURIComponent(returnTo)}`;
