import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { trustedPhones, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { maskPhone } from "../mask-phone";
import { verifyChallenge } from "../verify-challenge";
import { queueSecurityEmail } from "./notify-security-change";

/**
 * Checks the code texted to a new phone (purpose "enroll_phone", bound to this session) and marks the phone verified.
 * Wrong codes count like any other (verifyChallenge's errors pass through). With 2SV already on, the owner is told.
 */
export async function verifyTrustedPhone(input: { userId: string; sessionId: string; phoneId: string; challengeId: string; code: string; now?: Date }) {
  const now = input.now ?? new Date();
  const challenge = await verifyChallenge({ challengeId: input.challengeId, sessionId: input.sessionId, purpose: "enroll_phone", code: input.code, now });
  if (challenge.userId !== input.userId || challenge.phoneId !== input.phoneId) throw new AppError("NOT_VALID");

  const { phone, emailId } = await db.transaction(async (tx) => {
    const [phone] = await tx
      .update(trustedPhones)
      .set({ verifiedAt: now })
      .where(and(eq(trustedPhones.id, input.phoneId), eq(trustedPhones.userId, input.userId), isNull(trustedPhones.removedAt), isNull(trustedPhones.verifiedAt)))
      .returning();
    if (!phone) throw new AppError("NOT_VALID");
    await recordEvent({ type: "phone_verified", userId: input.userId, countryCode: phone.countryCode, method: "sms", at: now }, tx);
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    const emailId = user?.twoStepEnabledAt
      ? await queueSecurityEmail(tx, { user, kind: "phoneAdded", values: { phone: maskPhone(phone.e164) }, now })
      : null;
    return { phone, emailId };
  });
  if (emailId) await sendQueued(emailId, input.now);
  return phone;
}
