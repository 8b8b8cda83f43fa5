import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { reasonRequired } from "@/lib/rollout/waves/review-wave";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";

export type SetStaffRoleError = "FORBIDDEN" | "NO_ACCOUNT" | "OWN_ROLE" | "UNCHANGED" | "REASON_REQUIRED";

// Any fixed number, distinct from the rollout's lock (lock-wave.ts).
const staffRolesLock = 20130322;

/**
 * Admin: gives an existing account a staff role, changes it, or takes it away ("user"). Admins cannot change their
 * own role, so the console always keeps the admin who is acting. Audited with before, after and the reason (a role
 * decides who may launch to millions of accounts, so the log says why someone got it).
 */
export async function setStaffRole({ actor, email, role, reason, now = new Date() }: { actor: StaffActor; email: string; role: Role; reason: string; now?: Date }) {
  if (!hasRole(actor.role, "admin")) throw new AppError<SetStaffRoleError>("FORBIDDEN");
  const why = reasonRequired(reason);
  return db.transaction(async (tx) => {
    // Role changes take turns, and the acting admin must still be one when theirs runs: two admins demoting each
    // other at the same moment would otherwise both succeed and leave the console with no admin at all.
    await tx.execute(sql`select pg_advisory_xact_lock(${staffRolesLock})`);
    const [self] = await tx.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
    if (!self || !hasRole(self.role, "admin")) throw new AppError<SetStaffRoleError>("FORBIDDEN");
    const [target] = await tx
      .select({ id: users.id, email: users.email, role: users.role, countryCode: users.countryCode })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
      .for("update");
    if (!target) throw new AppError<SetStaffRoleError>("NO_ACCOUNT");
    if (target.id === actor.id) throw new AppError<SetStaffRoleError>("OWN_ROLE");
    if (target.role === role) throw new AppError<SetStaffRoleError>("UNCHANGED");
    await tx.update(users).set({ role, roleGrantedBy: role === "user" ? null : actor.id }).where(eq(users.id, target.id));
    // The account's id stays in the row: its email may change later.
    await recordAudit(tx, {
      actor,
      action: "staff.role",
      targetType: "user",
      targetId: target.email,
      before: { role: target.role },
      after: { role, userId: target.id },
      reason: why,
      at: now,
    });
    return { email: target.email, before: target.role, after: role };
  });
}
