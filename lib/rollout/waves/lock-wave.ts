import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { users, waves, type Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { StaffActor } from "./staff-actor";
import { waveCommandProblem, type WaveCommand } from "./wave-rules";

// Serialises every change to wave membership and state, so two staff members never race each other into a conflict.
export const lockRollout = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(20130321)`);

/**
 * The acting staff member's role as it is now, not as their request read it when it began: a demotion committed
 * meanwhile counts, and one under way waits for this transaction (the row is held for share until it ends).
 */
async function currentRole(tx: Tx, actor: Pick<StaffActor, "id">): Promise<Role> {
  const [row] = await tx.select({ role: users.role }).from(users).where(eq(users.id, actor.id)).for("share");
  return row?.role ?? "user";
}

/** Whether the account holds `minimum`'s rights now (currentRole), e.g. the author of a request being approved. */
export async function holdsRoleNow(tx: Tx, userId: string, minimum: Role) {
  return hasRole(await currentRole(tx, { id: userId }), minimum);
}

/** Throws FORBIDDEN unless `actor` holds `minimum`'s rights now (currentRole). */
export async function requireCurrentRole(tx: Tx, actor: StaffActor, minimum: Role) {
  if (!(await holdsRoleNow(tx, actor.id, minimum))) throw new AppError("FORBIDDEN");
}

/** Locks the rollout for a change `actor` may make with `minimum`'s rights; throws FORBIDDEN when they no longer hold them. */
export async function lockRolloutFor(tx: Tx, actor: StaffActor, minimum: Role) {
  await lockRollout(tx);
  await requireCurrentRole(tx, actor, minimum);
}

/** Locks the rollout, reads the wave and checks that `actor` may run `command` on it now; throws AppError otherwise. */
export async function lockWaveFor(tx: Tx, { waveId, command, actor, now }: { waveId: number; command: WaveCommand; actor: StaffActor; now: Date }) {
  await lockRollout(tx);
  const [wave] = await tx.select().from(waves).where(eq(waves.id, waveId));
  if (!wave) throw new AppError("NOT_FOUND");
  const problem = waveCommandProblem({ command, wave, actor: { ...actor, role: await currentRole(tx, actor) }, now });
  if (problem) throw new AppError(problem);
  return wave;
}
