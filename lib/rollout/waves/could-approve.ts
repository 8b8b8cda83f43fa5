import type { Tx } from "@/db";
import { appointmentTie } from "@/lib/staff/appointed-by";
import { waveCommandProblem, type WaveState } from "./wave-rules";

/**
 * Whether `admin` could approve `wave` now: the console's rules (wave-rules.ts) and four-eyes, neither owing the
 * other their staff role. Who is told a launch waits for them asks this; approveWave checks the same, one refusal at
 * a time, with its own error for each.
 */
export async function couldApprove(tx: Pick<Tx, "execute">, { admin, wave, now }: { admin: { id: string; role: "admin" }; wave: WaveState; now: Date }) {
  if (waveCommandProblem({ command: "approve", wave, actor: admin, now })) return false;
  if (!wave.requestedBy) return true;
  return (await appointmentTie(tx, { approverId: admin.id, requesterId: wave.requestedBy })) === null;
}
