import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { recoveryKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { verifyRecoveryKey } from "@/lib/two-step/recovery-key";

/** The owner re-typed the key shown once after a reset: mark the account's current key as confirmed. */
export async function confirmNewRecoveryKey(input: { userId: string; key: string; now?: Date }) {
  const now = input.now ?? new Date();
  if (!(await verifyRecoveryKey({ userId: input.userId, key: input.key }))) throw new AppError("MISMATCH");
  await db.transaction(async (tx) => {
    await tx
      .update(recoveryKeys)
      .set({ confirmedAt: now })
      .where(and(eq(recoveryKeys.userId, input.userId), isNull(recoveryKeys.replacedAt), isNull(recoveryKeys.confirmedAt)));
    await recordEvent({ type: "key_confirmed", userId: input.userId, detail: "after_reset", at: now }, tx);
  });
}
