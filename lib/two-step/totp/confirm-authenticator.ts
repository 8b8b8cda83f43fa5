import { and, eq, isNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { authenticatorApps } from "@/db/schema";
import { openWith } from "@/lib/crypto/secrets";
import { totpKey } from "@/lib/crypto/totp-key";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { queueMethodEmail } from "../notify-method-change";
import { matchTotpStep } from "./totp-rules";

export type ConfirmAuthenticatorError = "NO_SETUP" | "WRONG_CODE";

/**
 * The owner proves the app holds the secret by typing its current code. Only then does it count as a factor, and
 * any app set up before stops working (one authenticator per account: re-enrolling retires the old secret).
 */
export async function confirmAuthenticator({ userId, setupId, code, now = new Date() }: { userId: string; setupId: string; code: string; now?: Date }) {
  const emailId = await db.transaction(async (tx) => {
    const [pending] = await tx
      .select()
      .from(authenticatorApps)
      .where(and(eq(authenticatorApps.id, setupId), eq(authenticatorApps.userId, userId), isNull(authenticatorApps.confirmedAt)))
      .for("update");
    if (!pending) throw new AppError<ConfirmAuthenticatorError>("NO_SETUP");
    const step = await matchTotpStep({ secret: openWith(totpKey(), pending.sealedSecret), code: code.replace(/\s+/g, ""), at: now, afterStep: null });
    if (step === null) throw new AppError<ConfirmAuthenticatorError>("WRONG_CODE");
    await tx.delete(authenticatorApps).where(and(eq(authenticatorApps.userId, userId), ne(authenticatorApps.id, setupId)));
    await tx.update(authenticatorApps).set({ confirmedAt: now, lastUsedStep: step, lastUsedAt: now }).where(eq(authenticatorApps.id, setupId));
    await recordEvent({ type: "authenticator_added", userId, method: "totp", at: now }, tx);
    return queueMethodEmail(tx, { userId, change: "added", method: "totp", now });
  });
  if (emailId) await sendQueued(emailId, now);
}
