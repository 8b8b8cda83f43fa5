import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { staffRoleRequests, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { reasonRequired } from "@/lib/rollout/waves/review-wave";
import { holdsRoleNow } from "@/lib/rollout/waves/lock-wave";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";
import { appointmentTie } from "./appointed-by";
import { isRoleRequestExpired } from "./role-request-rules";
import { lockStaffRolesFor } from "./set-staff-role";

export type ReviewStaffRoleError =
  | "FORBIDDEN"
  | "ROLE_REQUEST_GONE"
  | "OWN_ROLE_REQUEST"
  | "ROLE_REQUEST_EXPIRED"
  | "ROLE_REQUESTER_NOT_ADMIN"
  | "ROLE_APPOINTED_BY_REQUESTER"
  | "ROLE_APPOINTED_THE_REQUESTER"
  | "ROLE_SAME_APPOINTER"
  | "REASON_REQUIRED";

const tieRefusals = { appointed_by_requester: "ROLE_APPOINTED_BY_REQUESTER", appointed_the_requester: "ROLE_APPOINTED_THE_REQUESTER", same_appointer: "ROLE_SAME_APPOINTER" } as const;

type LockedRequest = Awaited<ReturnType<typeof lockRequestFor>>;

async function lockRequestFor(tx: Tx, actor: StaffActor, requestId: number) {
  if (!hasRole(actor.role, "admin")) throw new AppError<ReviewStaffRoleError>("FORBIDDEN");
  await lockStaffRolesFor(tx, actor);
  const [request] = await tx
    .select({ id: staffRoleRequests.id, userId: staffRoleRequests.userId, fromRole: staffRoleRequests.fromRole, role: staffRoleRequests.role, reason: staffRoleRequests.reason, requestedBy: staffRoleRequests.requestedBy, requestedAt: staffRoleRequests.requestedAt, email: users.email })
    .from(staffRoleRequests)
    .innerJoin(users, eq(users.id, staffRoleRequests.userId))
    .where(eq(staffRoleRequests.id, requestId));
  if (!request) throw new AppError<ReviewStaffRoleError>("ROLE_REQUEST_GONE");
  return request;
}

/** Ends a request, in the transaction that decided it: the row goes, the audit log keeps who asked, who decided and why. */
async function closeRequest(tx: Tx, request: LockedRequest, { actor, action, reason, now }: { actor: StaffActor; action: "staff.role" | "staff.role_reject"; reason: string; now: Date }) {
  await tx.delete(staffRoleRequests).where(eq(staffRoleRequests.id, request.id));
  await recordAudit(tx, {
    actor,
    action,
    targetType: "user",
    targetId: request.email,
    before: { role: request.fromRole },
    after: { role: request.role, userId: request.userId, requestedBy: request.requestedBy, requestId: request.id, ...(request.requestedBy === actor.id && { withdrawn: true }) },
    reason,
    at: now,
  });
}

/**
 * A second admin gives the role another admin asked for. Four-eyes as for launches: not the admin who asked, and the
 * two independent (appointmentTie: neither appointed the other, nor were both appointed by the same admin). The
 * account itself cannot: its role is below the one asked for, so it is no admin, and lowering it or setting it from
 * the server removes the request. The role counts as given by whoever asked (`role_granted_by`, and `requestedBy` in
 * the audit row, appointed-by.ts): an approval vouches for an appointment, it does not make the approver an
 * appointer, or the founding admins who approve each other's hires could never approve a launch those hires ask for.
 */
export async function approveStaffRole({ actor, requestId, now = new Date() }: { actor: StaffActor; requestId: number; now?: Date }) {
  return db.transaction(async (tx) => {
    const request = await lockRequestFor(tx, actor, requestId);
    if (request.requestedBy === actor.id) throw new AppError<ReviewStaffRoleError>("OWN_ROLE_REQUEST");
    if (isRoleRequestExpired(request.requestedAt, now)) throw new AppError<ReviewStaffRoleError>("ROLE_REQUEST_EXPIRED");
    if (!(await holdsRoleNow(tx, request.requestedBy, "admin"))) throw new AppError<ReviewStaffRoleError>("ROLE_REQUESTER_NOT_ADMIN");
    const tie = await appointmentTie(tx, { approverId: actor.id, requesterId: request.requestedBy });
    if (tie) throw new AppError<ReviewStaffRoleError>(tieRefusals[tie]);

    await tx.update(users).set({ role: request.role, roleGrantedBy: request.requestedBy }).where(eq(users.id, request.userId));
    await closeRequest(tx, request, { actor, action: "staff.role", reason: request.reason, now });
    return { email: request.email, before: request.fromRole, after: request.role };
  });
}

/** Any admin turns a request down, or the admin who asked withdraws it; the reason goes into the audit log. */
export async function rejectStaffRole({ actor, requestId, reason, now = new Date() }: { actor: StaffActor; requestId: number; reason: string; now?: Date }) {
  const why = reasonRequired(reason);
  return db.transaction(async (tx) => {
    const request = await lockRequestFor(tx, actor, requestId);
    await closeRequest(tx, request, { actor, action: "staff.role_reject", reason: why, now });
    return { email: request.email, role: request.role, withdrawn: request.requestedBy === actor.id };
  });
}
