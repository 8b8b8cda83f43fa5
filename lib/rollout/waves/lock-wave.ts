import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { waves } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { StaffActor } from "./staff-actor";
import { waveCommandProblem, type WaveCommand } from "./wave-rules";


// Serialises every change to wave membership and state, so two staff members never race each other into a conflict.
export const lockRollout = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(20130321)`);

/** Locks the rollout, reads the wave and checks that `actor` may run `command` on it now; throws AppError otherwise. */
export async function lockWaveFor(tx: Tx, { waveId, command, actor, now }: { waveId: number; command: WaveCommand; actor: StaffActor; now: Date }) {
  await lockRollout(tx);
  const [wave] = await tx.select().from(waves).where(eq(waves.id, waveId));
  if (!wave) throw new AppError("NOT_FOUND");
  const problem = waveCommandProblem({ command, wave, actor, now });
  if (problem) throw new AppError(problem);
  return wave;
}
