"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { roles } from "@/db/schema";
import { formOf } from "@/lib/forms/form-of";
import { setStaffRole } from "@/lib/staff/set-staff-role";
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

/** Admin: give, change or remove a staff role; needs a fresh step-up and is audited. */
export async function setStaffRoleAction(_prev: StaffRoleState | null, formData: FormData): Promise<StaffRoleState> {
  formData = formOf(formData);
  const { actor, sessionId } = await staffContext("admin");
  const email = String(formData.get("email") ?? "").trim();
  const role = String(formData.get("role") ?? "");
  const reason = String(formData.get("reason") ?? "").slice(0, 500);
  const input = z.object({ email: z.email(), role: z.enum(roles) }).safeParse({ email, role });
  if (!input.success) return { ok: false, email, role, reason, error: "Enter the email of an existing account and pick a role." };
  if (!(await hasFreshStepUp(sessionId, "staff"))) return { ok: false, stepUp: true, email, role, reason, error: "Confirm it's you first: role changes need a code from the last 10 minutes." };
  try {
    const changed = await setStaffRole({ actor, email: input.data.email, role: input.data.role, reason });
    revalidatePath("/admin/staff");
    return { ok: true, message: `${changed.email}: ${changed.before} → ${changed.after}.` };
  } catch (error) {
    await recordRefusal(actor, { action: "staff.role", targetType: "user", targetId: input.data.email }, error);
    return { ok: false, email, role, reason, error: describeError(error) };
  }
}
