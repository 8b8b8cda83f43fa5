import { eq } from "drizzle-orm";
import { db } from "@/db";
import { authenticatorApps, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { countFactors } from "../enrollment/count-factors";
import { sendQueued } from "@/lib/messaging/send-queued";
import { queueMethodEmail } from "../notify-method-change";

export type RemoveAuthenticatorError = "NOT_FOUND" | "LAST_FACTOR";

/** Forgets the account's authenticator app; with 2SV on, never its last way through the second step. */
export async function removeAuthenticator({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const emailId = await db.transaction(async (tx) => {
    // Locks the account row so two removals at once cannot both see "one left".
    const [user] = await tx.select({ twoStepEnabledAt: users.twoStepEnabledAt }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new AppError<RemoveAuthenticatorError>("NOT_FOUND");
    if (user.twoStepEnabledAt && (await countFactors({ userId, exceptApp: true }, tx)).total === 0) throw new AppError<RemoveAuthenticatorError>("LAST_FACTOR");
    const removed = await tx.delete(authenticatorApps).where(eq(authenticatorApps.userId, userId)).returning({ confirmedAt: authenticatorApps.confirmedAt });
    if (!removed.some((r) => r.confirmedAt)) return null;
    await recordEvent({ type: "authenticator_removed", userId, method: "totp", at: now }, tx);
    return queueMethodEmail(tx, { userId, change: "removed", method: "totp", now });
  });
  if (emailId) await sendQueued(emailId, now);
}
