import { eq } from "drizzle-orm";
import { db } from "@/db";
import { staffRoleRequests, users, waves, type Role } from "@/db/schema";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";
import { approveStaffRole } from "@/lib/staff/review-staff-role";
import { setStaffRole } from "@/lib/staff/set-staff-role";

/** The seeded demo staff as actors (requires setupTestDatabase({ seed: "demo" })). */
export async function demoStaff() {
  const actor = async (email: string): Promise<StaffActor> => {
    const [u] = await db.select().from(users).where(eq(users.email, email));
    return { id: u!.id, name: u!.name, email: u!.email, role: u!.role };
  };
  return {
    viewer: await actor("viewer@stepwise.test"),
    operator: await actor("operator@stepwise.test"),
    admin: await actor("admin@stepwise.test"),
    approver: await actor("approver@stepwise.test"),
  };
}

export async function waveId(name: string) {
  const [w] = await db.select({ id: waves.id }).from(waves).where(eq(waves.name, name));
  return w!.id;
}

/** Expects `promise` to fail with an AppError of `code`. */
export async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "NO_ERROR";
}

/** How an account gets a higher staff role: admin `by` asks for it and admin `approvedBy` approves (four-eyes). */
export async function appointStaff({ by, approvedBy, email, role, reason }: { by: StaffActor; approvedBy: StaffActor; email: string; role: Role; reason: string }) {
  const asked = await setStaffRole({ actor: by, email, role, reason });
  if (!asked.pending) throw new Error(`${email}: ${asked.before} → ${role} is not a higher role`);
  const [request] = await db
    .select({ id: staffRoleRequests.id })
    .from(staffRoleRequests)
    .innerJoin(users, eq(users.id, staffRoleRequests.userId))
    .where(eq(users.email, asked.email));
  return approveStaffRole({ actor: approvedBy, requestId: request!.id });
}
