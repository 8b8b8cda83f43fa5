import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rowsOf } from "@/db/rows";

/**
 * Whether `requesterId` ever gave `staffId` a staff role, directly or through staff they appointed. Four-eyes needs
 * the second pair to be independent of the first, and an admin could otherwise appoint an account of their own (or a
 * chain of them) to approve their launch, or to ask for one they then approve (approveWave asks both ways).
 *
 * Every grant counts, not only the latest: `users.role_granted_by` keeps the last appointer, so two accounts an admin
 * made could re-appoint each other and erase their maker from both chains. The audit log is append-only (a trigger
 * refuses changes), and every `staff.role` row names who granted which account: the admin who asked for a higher
 * role (`requestedBy`, review-staff-role.ts), or who lowered one (the actor); `role_granted_by` adds the grants made
 * outside the console (the seed). `union` keeps each appointer once, which also ends loops.
 */
export async function isAppointedBy(tx: Pick<Tx, "execute">, { staffId, requesterId }: { staffId: string; requesterId: string }) {
  const result = await tx.execute(sql`
    with recursive grants (granter, grantee) as (
      select role_granted_by, id from users where role_granted_by is not null
      union
      select coalesce((after ->> 'requestedBy')::uuid, actor_id), (after ->> 'userId')::uuid from audit_log
      where action = 'staff.role' and coalesce(after ->> 'requestedBy', actor_id::text) is not null
        and after ->> 'userId' is not null and after ->> 'role' <> 'user'
    ),
    appointers (id) as (
      select granter from grants where grantee = ${staffId}::uuid
      union
      select g.granter from grants g join appointers a on g.grantee = a.id
    )
    select exists (select 1 from appointers where id = ${requesterId}::uuid) as appointed`);
  return rowsOf<{ appointed: boolean }>(result)[0]?.appointed === true;
}
