import { and, eq, lt, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { staffRoleRequests, users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { reasonRequired } from "@/lib/rollout/waves/review-wave";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";
import { roleRequestTtlMs } from "./role-request-rules";

export type SetStaffRoleError = "FORBIDDEN" | "NO_ACCOUNT" | "OWN_ROLE" | "UNCHANGED" | "REASON_REQUIRED" | "ROLE_ALREADY_ASKED";

// Any fixed number, distinct from the rollout's lock (lock-wave.ts).
const staffRolesLock = 20130322;

/**
 * Role changes take turns, and the acting admin must still be one when theirs runs: two admins demoting each other
 * at the same moment would otherwise both succeed and leave the console with no admin at all.
 */
export async function lockStaffRolesFor(tx: Tx, actor: StaffActor) {
  await tx.execute(sql`select pg_advisory_xact_lock(${staffRolesLock})`);
  const [self] = await tx.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
  if (!self || !hasRole(self.role, "admin")) throw new AppError<SetStaffRoleError>("FORBIDDEN");
}

/**
 * Admin: asks for a higher staff role for an existing account (another admin approves it, review-staff-role.ts), or
 * lowers or takes away ("user") a role at once. Admins cannot change their own role, so the console always keeps
 * the admin who is acting. Audited with before, after and the reason (a role decides who may launch to millions of
 * accounts, so the log says why someone got it).
 */
export async function setStaffRole({ actor, email, role, reason, now = new Date() }: { actor: StaffActor; email: string; role: Role; reason: string; now?: Date }) {
  if (!hasRole(actor.role, "admin")) throw new AppError<SetStaffRoleError>("FORBIDDEN");
  const why = reasonRequired(reason);
  return db.transaction(async (tx) => {
    await lockStaffRolesFor(tx, actor);
    const [target] = await tx
      .select({ id: users.id, email: users.email, role: users.role })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
      .for("update");
    if (!target) throw new AppError<SetStaffRoleError>("NO_ACCOUNT");
    if (target.id === actor.id) throw new AppError<SetStaffRoleError>("OWN_ROLE");
    if (target.role === role) throw new AppError<SetStaffRoleError>("UNCHANGED");
    const audited = { actor, targetType: "user" as const, targetId: target.email, before: { role: target.role }, reason: why, at: now };

    if (!hasRole(target.role, role)) {
      // A request nobody decided within its time no longer stands in the way of a new one.
      await tx.delete(staffRoleRequests).where(and(eq(staffRoleRequests.userId, target.id), lt(staffRoleRequests.requestedAt, new Date(now.getTime() - roleRequestTtlMs))));
      const [asked] = await tx
        .insert(staffRoleRequests)
        .values({ userId: target.id, fromRole: target.role, role, reason: why, requestedBy: actor.id, requestedAt: now })
        .onConflictDoNothing()
        .returning({ id: staffRoleRequests.id });
      if (!asked) throw new AppError<SetStaffRoleError>("ROLE_ALREADY_ASKED");
      await recordAudit(tx, { ...audited, action: "staff.role_request", after: { role, userId: target.id, requestId: asked.id } });
      return { email: target.email, before: target.role, after: role, pending: true as const };
    }

    // A lower role replaces whatever was asked for this account: an approval must not bring back what was taken.
    await tx.delete(staffRoleRequests).where(eq(staffRoleRequests.userId, target.id));
    await tx.update(users).set({ role, roleGrantedBy: role === "user" ? null : actor.id }).where(eq(users.id, target.id));
    // The account's id stays in the row: its email may change later.
    await recordAudit(tx, { ...audited, action: "staff.role", after: { role, userId: target.id } });
    return { email: target.email, before: target.role, after: role, pending: false as const };
  });
}
