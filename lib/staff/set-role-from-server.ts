import { eq } from "drizzle-orm";
import type { DB } from "@/db";
import { users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { reasonRequired } from "@/lib/rollout/waves/review-wave";
import { dropRoleRequestsFor, lockAccountByEmail, lockStaffRoles } from "./set-staff-role";

/**
 * `npm run staff:role` (scripts/set-staff-role.ts): sets a role from the server, without a second admin. It is how a
 * deployment gets its first two admins, and how a team whose last independent admin left gets one again. Whoever
 * runs it can write to the database anyway; the audit log names them ("Server console (user@host)"), and such a grant
 * makes nobody an appointer, so the admins it creates are independent of each other for four-eyes.
 */
export async function setRoleFromServer(db: DB, { email, role, reason, by }: { email: string; role: Role; reason: string; by: string }) {
  const why = reasonRequired(reason);
  return db.transaction(async (tx) => {
    await lockStaffRoles(tx);
    const target = await lockAccountByEmail(tx, email);
    if (target.role === role) throw new AppError("UNCHANGED");
    await dropRoleRequestsFor(tx, target, role);
    await tx.update(users).set({ role, roleGrantedBy: null }).where(eq(users.id, target.id));
    await recordAudit(tx, {
      actor: null,
      system: `Server console (${by})`,
      action: "staff.role",
      targetType: "user",
      targetId: target.email,
      before: { role: target.role },
      after: { role, userId: target.id },
      reason: why,
    });
    return { email: target.email, before: target.role, after: role };
  });
}
