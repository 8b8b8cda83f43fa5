import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { passkeys, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { countFactors } from "../enrollment/count-factors";
import { sendQueued } from "@/lib/messaging/send-queued";
import { queueMethodEmail } from "../notify-method-change";

export type RemovePasskeyError = "NOT_FOUND" | "LAST_FACTOR";

/**
 * Forgets one of the owner's passkeys (the caller has checked a fresh "passkeys" step-up). With 2SV on the account
 * keeps at least one way through the second step, so its last factor cannot go.
 */
export async function removePasskey({ userId, passkeyId, now = new Date() }: { userId: string; passkeyId: string; now?: Date }) {
  const emailId = await db.transaction(async (tx) => {
    // Locks the account row so two removals at once cannot both see "one left".
    const [user] = await tx.select({ twoStepEnabledAt: users.twoStepEnabledAt }).from(users).where(eq(users.id, userId)).for("update");
    const [key] = await tx.select({ id: passkeys.id, name: passkeys.name }).from(passkeys).where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)));
    if (!user || !key) throw new AppError<RemovePasskeyError>("NOT_FOUND");
    if (user.twoStepEnabledAt && (await countFactors({ userId, exceptPasskeyId: passkeyId }, tx)).total === 0) {
      throw new AppError<RemovePasskeyError>("LAST_FACTOR");
    }
    await tx.delete(passkeys).where(eq(passkeys.id, passkeyId));
    await recordEvent({ type: "passkey_removed", userId, method: "passkey", at: now }, tx);
    return queueMethodEmail(tx, { userId, change: "removed", method: "passkey", name: key.name, now });
  });
  if (emailId) await sendQueued(emailId, now);
}
