import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { trustedPhones, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { maskPhone } from "../mask-phone";
import { countFactors } from "./count-factors";
import { queueSecurityEmail } from "./notify-security-change";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";

export type RemoveFactorError = "NOT_FOUND" | "LAST_FACTOR" | "NOT_ENABLED";

/**
 * Removes a trusted phone (the caller has checked a fresh "phones" step-up). 2SV always keeps at least one working
 * phone or trusted browser, so the last one cannot go. The owner is emailed. The removal stays on record: it counts
 * toward the waiting period should 2SV be turned off and on again.
 */
export async function removeTrustedPhone({ userId, phoneId, now = new Date() }: { userId: string; phoneId: string; now?: Date }) {
  const emailId = await db.transaction(async (tx) => {
    // Locks the account row so two removals at once cannot both see "one left".
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!user?.twoStepEnabledAt) throw new AppError<RemoveFactorError>("NOT_ENABLED");
    const [phone] = await tx
      .select()
      .from(trustedPhones)
      .where(and(eq(trustedPhones.id, phoneId), eq(trustedPhones.userId, userId), isNull(trustedPhones.removedAt)));
    if (!phone) throw new AppError<RemoveFactorError>("NOT_FOUND");
    if (phone.verifiedAt && (await countFactors({ userId, exceptPhoneId: phoneId }, tx)).total === 0) {
      throw new AppError<RemoveFactorError>("LAST_FACTOR");
    }
    await tx.update(trustedPhones).set({ removedAt: now }).where(eq(trustedPhones.id, phoneId));
    if (phone.verifiedAt) await recordEvent({ type: "phone_removed", userId, method: "sms", at: now }, tx);
    return phone.verifiedAt ? queueSecurityEmail(tx, { user, kind: "phoneRemoved", values: { phone: maskPhone(phone.e164) }, now }) : null;
  });
  if (emailId) await sendQueued(emailId, now);
}
