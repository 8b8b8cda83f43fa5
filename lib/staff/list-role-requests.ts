import { asc, eq } from "drizzle-orm";
import { cache } from "react";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { staffRoleRequests, users } from "@/db/schema";
import { actorLabel } from "@/lib/audit/record-audit";
import { appointmentTie } from "./appointed-by";
import { isRoleRequestExpired } from "./role-request-rules";

const requester = alias(users, "requester");

/**
 * Role requests waiting for a second admin, oldest first, each with what `adminId` may do with it: approve someone
 * else's request within its week when the two are independent (appointmentTie; review-staff-role.ts checks the same,
 * one refusal at a time), or withdraw their own.
 */
async function readRoleRequests(adminId: string, now = new Date()) {
  const rows = await db
    .select({
      id: staffRoleRequests.id,
      email: users.email,
      name: users.name,
      fromRole: staffRoleRequests.fromRole,
      role: staffRoleRequests.role,
      reason: staffRoleRequests.reason,
      requestedAt: staffRoleRequests.requestedAt,
      requestedBy: staffRoleRequests.requestedBy,
      requesterName: requester.name,
      requesterEmail: requester.email,
    })
    .from(staffRoleRequests)
    .innerJoin(users, eq(users.id, staffRoleRequests.userId))
    .innerJoin(requester, eq(requester.id, staffRoleRequests.requestedBy))
    .orderBy(asc(staffRoleRequests.requestedAt), asc(staffRoleRequests.id));
  return Promise.all(
    rows.map(async ({ requestedBy, requesterName, requesterEmail, ...row }) => {
      const mine = requestedBy === adminId;
      const expired = isRoleRequestExpired(row.requestedAt, now);
      const independent = !mine && (await appointmentTie(db, { approverId: adminId, requesterId: requestedBy })) === null;
      return { ...row, requester: actorLabel({ id: requestedBy, name: requesterName, email: requesterEmail }), mine, expired, canApprove: independent && !expired };
    }),
  );
}

// Read once per request: the console's menu counts them (countRoleRequestsWaiting) on the page that lists them.
export const listRoleRequests = cache(readRoleRequests);

/** How many role requests this admin could approve now: the number beside "Staff" in the console's menu. */
export async function countRoleRequestsWaiting(adminId: string) {
  return (await listRoleRequests(adminId)).filter((r) => r.canApprove).length;
}
