import { and, eq, lt, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { staffRoleRequests, users, type Role } from "@/db/schema";
import { appLink } from "@/lib/account-changes/compose-notice";
import { actorLabel, recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { sendQueued } from "@/lib/messaging/send-queued";
import { reasonRequired } from "@/lib/rollout/waves/review-wave";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";
import { plainText } from "@/lib/validation/plain-text";
import { appointmentTie } from "./appointed-by";
import { queueAdminEmails } from "./queue-admin-emails";
import { roleRequestTtlMs } from "./role-request-rules";

export type SetStaffRoleError = "FORBIDDEN" | "NO_ACCOUNT" | "OWN_ROLE" | "UNCHANGED" | "REASON_REQUIRED" | "ROLE_ALREADY_ASKED";

const withArticle: Record<Role, string> = { user: "no staff role", viewer: "a viewer", operator: "an operator", admin: "an admin" };

// Any fixed number, distinct from the rollout's lock (lock-wave.ts).
const staffRolesLock = 20130322;

/** Every change of a staff role or role request, from the console or the server, holds this lock until it commits. */
export const lockStaffRoles = (tx: Pick<Tx, "execute">) => tx.execute(sql`select pg_advisory_xact_lock(${staffRolesLock})`);

/** The account whose role is about to change, locked until the change commits; NO_ACCOUNT when nobody uses `email`. */
export async function lockAccountByEmail(tx: Tx, email: string) {
  const [target] = await tx
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .for("update");
  if (!target) throw new AppError<SetStaffRoleError>("NO_ACCOUNT");
  return target;
}

/**
 * What a new role for `target` leaves of the role requests: none for the account (an approval must not bring back
 * what was taken, nor undo what the server set), and none it asked for once it is no longer an admin (a request
 * outlives nobody's say-so, even if they are made admin again).
 */
export async function dropRoleRequestsFor(tx: Tx, target: { id: string; role: Role }, role: Role) {
  const noLongerAdmin = target.role === "admin" && role !== "admin";
  await tx.delete(staffRoleRequests).where(or(eq(staffRoleRequests.userId, target.id), noLongerAdmin ? eq(staffRoleRequests.requestedBy, target.id) : undefined));
}

/**
 * Role changes take turns, and the acting admin must still be one when theirs runs: two admins demoting each other
 * at the same moment would otherwise both succeed and leave the console with no admin at all.
 */
export async function lockStaffRolesFor(tx: Tx, actor: StaffActor) {
  await lockStaffRoles(tx);
  const [self] = await tx.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
  if (!self || !hasRole(self.role, "admin")) throw new AppError<SetStaffRoleError>("FORBIDDEN");
}

/**
 * Admin: asks for a higher staff role for an existing account (each admin who could approve it is emailed, and one
 * decides: review-staff-role.ts), or lowers or takes away ("user") a role at once. Admins cannot change their own role, so the console always keeps
 * the admin who is acting. Audited with before, after and the reason (a role decides who may launch to millions of
 * accounts, so the log says why someone got it).
 */
export async function setStaffRole({ actor, email, role, reason, now = new Date() }: { actor: StaffActor; email: string; role: Role; reason: string; now?: Date }) {
  if (!hasRole(actor.role, "admin")) throw new AppError<SetStaffRoleError>("FORBIDDEN");
  const why = reasonRequired(reason);
  const { emails, ...changed } = await db.transaction(async (tx) => {
    await lockStaffRolesFor(tx, actor);
    const target = await lockAccountByEmail(tx, email);
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
      const emails = await queueAdminEmails(tx, {
        requesterId: actor.id,
        // As approveStaffRole judges it.
        couldDecide: async (admin) => (await appointmentTie(tx, { approverId: admin.id, requesterId: actor.id })) === null,
        subject: "A staff role is waiting for your approval",
        body: (admin) => [
          `Hello ${plainText(admin.name)},`,
          "",
          `${plainText(actorLabel(actor))} asked to make ${target.email} ${withArticle[role]} (now: ${withArticle[target.role]}).`,
          `Their reason: ${plainText(why.replace(/\s+/g, " "))}`,
          "",
          "Check that this is a real colleague who needs this role, then approve or reject it in the staff console within 7 days:",
          appLink("/admin/staff"),
          "",
          "You get this email because you are an admin independent of whoever asked; any one of you can decide.",
        ],
        about: `role request ${asked.id}`,
        now,
      });
      return { email: target.email, before: target.role, after: role, pending: true as const, emails };
    }

    await dropRoleRequestsFor(tx, target, role);
    // A lower role appoints nobody (appointed-by.ts): whoever raised the account stays its appointer.
    await tx.update(users).set(role === "user" ? { role, roleGrantedBy: null } : { role }).where(eq(users.id, target.id));
    // The account's id stays in the row: its email may change later.
    await recordAudit(tx, { ...audited, action: "staff.role", after: { role, userId: target.id } });
    return { email: target.email, before: target.role, after: role, pending: false as const, emails: [] };
  });
  await Promise.all(emails.map((id) => sendQueued(id, now)));
  return changed;
}
