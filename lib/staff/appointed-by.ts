import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rowsOf } from "@/db/rows";

/** How two staff members' roles are tied: why one of them may not approve what the other asked for. */
export type AppointmentTie = "appointed_by_requester" | "appointed_the_requester" | "same_appointer";

/**
 * What ties `approverId` to `requesterId` through the staff roles they were given, or null when they are
 * independent. Four-eyes needs the second pair to be independent of the first: an admin could otherwise appoint an
 * account of their own (or a chain of them) to approve their launch, or to ask for one they then approve; and two
 * accounts appointed by the same admin (directly or through others) would be one person's two pairs of eyes.
 *
 * A grant is a raise: whoever asked for it (`requestedBy` once a second admin approves, review-staff-role.ts; the
 * actor before that rule) appointed the account. The approver vouched for it and appoints nobody, or the founding
 * admins who approve each other's hires could never approve what those hires ask for. A lowering appoints nobody
 * either: it gives no power. Every raise counts, not only the latest: `users.role_granted_by` keeps the last
 * appointer, so two accounts could otherwise re-appoint each other and erase their maker from both chains. The audit
 * log is append-only (a trigger refuses changes); `role_granted_by` adds the grants made outside the console (the
 * seed). `union` keeps each appointer once, which also ends loops. Grants from the server (`npm run staff:role`)
 * name no appointer: they are how independent admins come to be.
 */
export async function appointmentTie(tx: Pick<Tx, "execute">, { approverId, requesterId }: { approverId: string; requesterId: string }): Promise<AppointmentTie | null> {
  const result = await tx.execute(sql`
    with recursive grants (granter, grantee) as (
      select role_granted_by, id from users where role_granted_by is not null
      union
      select coalesce((after ->> 'requestedBy')::uuid, actor_id), (after ->> 'userId')::uuid from audit_log
      where action = 'staff.role' and after ->> 'userId' is not null and coalesce(after ->> 'requestedBy', actor_id::text) is not null
        and array_position(array['user', 'viewer', 'operator', 'admin'], after ->> 'role') > array_position(array['user', 'viewer', 'operator', 'admin'], before ->> 'role')
    ),
    appointers (staff, id) as (
      select grantee, granter from grants where grantee in (${approverId}::uuid, ${requesterId}::uuid)
      union
      select a.staff, g.granter from grants g join appointers a on g.grantee = a.id
    )
    select
      exists (select 1 from appointers where staff = ${approverId}::uuid and id = ${requesterId}::uuid) as "byRequester",
      exists (select 1 from appointers where staff = ${requesterId}::uuid and id = ${approverId}::uuid) as "theRequester",
      exists (select 1 from appointers x join appointers y on x.id = y.id where x.staff = ${approverId}::uuid and y.staff = ${requesterId}::uuid) as "same"`);
  const [tie] = rowsOf<{ byRequester: boolean; theRequester: boolean; same: boolean }>(result);
  if (tie?.byRequester) return "appointed_by_requester";
  if (tie?.theRequester) return "appointed_the_requester";
  return tie?.same ? "same_appointer" : null;
}
