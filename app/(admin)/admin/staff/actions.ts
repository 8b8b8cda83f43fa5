"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roles } from "@/db/schema";
import { formOf } from "@/lib/forms/form-of";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { approveStaffRole, rejectStaffRole } from "@/lib/staff/review-staff-role";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { describeError } from "../_lib/error-messages";
import { hasFreshStepUp, staffContext } from "../_lib/staff-context";

export interface StaffRoleState {
  ok: boolean;
  message?: string;
  error?: string;
  stepUp?: boolean;
  email?: string;
  role?: string;
  reason?: string;
}

const stepUpFirst = "Confirm it's you first: role changes need a code from the last 10 minutes.";

/** Admin: asks for a higher staff role (a second admin approves it) or lowers or removes one at once; needs a fresh step-up and is audited. */
export async function setStaffRoleAction(_prev: StaffRoleState | null, formData: FormData): Promise<StaffRoleState> {
  formData = formOf(formData);
  const { actor, sessionId } = await staffContext("admin");
  const email = String(formData.get("email") ?? "").trim();
  const role = String(formData.get("role") ?? "");
  const reason = String(formData.get("reason") ?? "").slice(0, 500);
  const input = z.object({ email: z.email(), role: z.enum(roles) }).safeParse({ email, role });
  if (!input.success) return { ok: false, email, role, reason, error: "Enter the email of an existing account and pick a role." };
  if (!(await hasFreshStepUp(sessionId, "staff"))) return { ok: false, stepUp: true, email, role, reason, error: stepUpFirst };
  try {
    const changed = await setStaffRole({ actor, email: input.data.email, role: input.data.role, reason });
    revalidatePath("/admin/staff");
    return {
      ok: true,
      message: changed.pending ? `Asked: ${changed.email} becomes ${changed.after} once another admin approves.` : `${changed.email}: ${changed.before} → ${changed.after}.`,
    };
  } catch (error) {
    await recordRefusal(actor, { action: "staff.role", targetType: "user", targetId: input.data.email }, error);
    return { ok: false, email, role, reason, error: describeError(error) };
  }
}

export interface RoleRequestState {
  ok: boolean;
  message?: string;
  error?: string;
  stepUp?: boolean;
  /** Which form the answer belongs to: the list keeps one state for all its requests. */
  requestId?: number;
  decision?: "approve" | "reject";
  reason?: string;
}

const unreadable = "That request could not be read. Reload the page and try again.";

/**
 * Admin: decides a role request. "approve" (not the admin who asked: four-eyes) gives the role; "reject" turns it down
 * with a reason, or withdraws one's own. Needs a fresh step-up and is audited.
 */
export async function reviewRoleRequestAction(_prev: RoleRequestState | null, formData: FormData): Promise<RoleRequestState> {
  formData = formOf(formData);
  const { actor, sessionId } = await staffContext("admin");
  const input = z
    .object({ requestId: z.coerce.number().int().positive().max(2_147_483_647), decision: z.enum(["approve", "reject"]) })
    .safeParse({ requestId: formData.get("requestId"), decision: formData.get("decision") });
  const reason = String(formData.get("reason") ?? "").slice(0, 500);
  if (!input.success) return { ok: false, reason, error: unreadable };
  const { requestId, decision } = input.data;
  const answer = { requestId, decision, reason };
  if (!(await hasFreshStepUp(sessionId, "staff"))) return { ...answer, ok: false, stepUp: true, error: stepUpFirst };
  try {
    let message: string;
    if (decision === "approve") {
      const given = await approveStaffRole({ actor, requestId });
      message = `${given.email}: ${given.before} → ${given.after}.`;
    } else {
      const rejected = await rejectStaffRole({ actor, requestId, reason });
      message = `${rejected.withdrawn ? "Withdrawn" : "Rejected"}: ${rejected.email} does not get the ${rejected.role} role.`;
    }
    revalidatePath("/admin/staff");
    return { ok: true, requestId, decision, message };
  } catch (error) {
    await recordRefusal(actor, { action: "staff.role", targetType: "user", targetId: `request ${requestId}` }, error);
    return { ...answer, ok: false, error: describeError(error) };
  }
}
