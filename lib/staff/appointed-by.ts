import { sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { rowsOf } from "@/db/rows";

// Longer than any real chain of appointments; it also ends a loop (A appointed B, who later re-appointed A).
const maxLinks = 50;

/**
 * Whether `requesterId` gave `staffId` their staff role, directly or through staff they appointed: following
 * `role_granted_by` back from `staffId`. Four-eyes needs the second pair to be independent of the first, and an admin
 * could otherwise appoint an account of their own (or a chain of them) to approve their launch, or to ask for one they
 * then approve (approveWave asks both ways).
 */
export async function isAppointedBy(tx: Tx, { staffId, requesterId }: { staffId: string; requesterId: string }) {
  const result = await tx.execute(sql`
    with recursive chain (id, granted_by, links) as (
      select id, role_granted_by, 1 from users where id = ${staffId}::uuid
      union all
      select u.id, u.role_granted_by, c.links + 1 from users u join chain c on u.id = c.granted_by where c.links < ${maxLinks}
    )
    select exists (select 1 from chain where granted_by = ${requesterId}::uuid) as appointed`);
  return rowsOf<{ appointed: boolean }>(result)[0]?.appointed === true;
}
