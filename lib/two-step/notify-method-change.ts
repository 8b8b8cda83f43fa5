import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { queueSecurityEmail } from "./enrollment/notify-security-change";

export type ChangedMethod = "totp" | "passkey" | "backup_codes" | "app_password";

/**
 * Queues "a sign-in method was added/removed" to the owner, inside the change's transaction — only once 2SV is on
 * (during setup the owner is looking at the wizard). Returns the outbox id for sendQueued after the commit, or null.
 */
export async function queueMethodEmail(tx: Tx, input: { userId: string; change: "added" | "removed"; method: ChangedMethod; name?: string; now: Date }) {
  const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
  if (!user?.twoStepEnabledAt) return null;
  return queueSecurityEmail(tx, {
    user,
    kind: input.change === "added" ? "methodAdded" : "methodRemoved",
    values: { method: input.method, name: input.name ?? "" },
    now: input.now,
  });
}
