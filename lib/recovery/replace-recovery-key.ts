import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { assertStepUpFresh } from "@/lib/account-changes/assert-step-up-fresh";
import { appLink, browserOf, noticeTime, noticeTranslator } from "@/lib/account-changes/compose-notice";
import { sendNotice } from "@/lib/account-changes/send-notice";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { hashRecoveryKey, normaliseRecoveryKey, storeRecoveryKey } from "@/lib/two-step/recovery-key";
import { openPreparedRecoveryKey } from "./prepare-recovery-key";

export type ReplaceRecoveryKeyError = "STEP_UP_REQUIRED" | "TWO_STEP_OFF" | "EXPIRED" | "MISMATCH";

/**
 * Lost Recovery Key while signed in: after a fresh 'recovery_key' step-up and once the owner re-typed the new key,
 * it replaces the old one (which stops working at once) in one transaction with its event; the owner is told.
 */
export async function replaceRecoveryKey(input: { userId: string; sessionId: string; sealed: string; typedKey: string; userAgent?: string; now?: Date }) {
  const now = input.now ?? new Date();
  await assertStepUpFresh({ sessionId: input.sessionId, action: "recovery_key", now });
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user?.twoStepEnabledAt) throw new AppError<ReplaceRecoveryKeyError>("TWO_STEP_OFF");
  const key = openPreparedRecoveryKey({ sealed: input.sealed, userId: user.id, now });
  if (!key) throw new AppError<ReplaceRecoveryKeyError>("EXPIRED");
  if (normaliseRecoveryKey(input.typedKey) !== normaliseRecoveryKey(key)) throw new AppError<ReplaceRecoveryKeyError>("MISMATCH");

  const keyHash = await hashRecoveryKey(key);
  await db.transaction(async (tx) => {
    await storeRecoveryKey({ userId: user.id, keyHash, confirmedAt: now, now }, tx);
    await recordEvent({ type: "key_confirmed", userId: user.id, detail: "replaced", at: now }, tx);
  });

  const t = noticeTranslator(user.locale);
  await sendNotice({
    channel: "email",
    recipient: user.email,
    subject: t("keyReplacedSubject"),
    body: t("keyReplacedBody", { name: user.name, time: noticeTime(now, user.locale), browser: browserOf(input.userAgent, t), url: appLink("/account") }),
    userId: user.id,
  });
}
