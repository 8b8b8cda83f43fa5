import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { enrollments, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/passwords";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { normaliseRecoveryKey } from "../recovery-key";

export type ConfirmKeyError = "NOT_UNDERSTOOD" | "NO_PENDING_KEY" | "WRONG_KEY";

/**
 * Step (d), second half: the owner re-enters the key (proving they kept it) and acknowledges that without two of
 * password, trusted phone/device and Recovery Key the account cannot be recovered.
 */
export async function confirmPendingRecoveryKey({ userId, key, understood, now = new Date() }: { userId: string; key: string; understood: boolean; now?: Date }) {
  if (!understood) throw new AppError<ConfirmKeyError>("NOT_UNDERSTOOD");
  const [row] = await db
    .select({ pendingKeyHash: enrollments.pendingKeyHash, countryCode: users.countryCode })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(eq(enrollments.userId, userId));
  if (!row?.pendingKeyHash) throw new AppError<ConfirmKeyError>("NO_PENDING_KEY");
  if (!(await verifyPassword(row.pendingKeyHash, normaliseRecoveryKey(key)))) throw new AppError<ConfirmKeyError>("WRONG_KEY");
  await db.transaction(async (tx) => {
    // Only the key that was checked: a newer key made meanwhile in another tab needs its own confirmation.
    const moved = await tx
      .update(enrollments)
      .set({ step: "review", updatedAt: now })
      .where(and(eq(enrollments.userId, userId), eq(enrollments.pendingKeyHash, row.pendingKeyHash!)))
      .returning({ userId: enrollments.userId });
    if (!moved.length) throw new AppError<ConfirmKeyError>("NO_PENDING_KEY");
    await recordEvent({ type: "key_confirmed", userId, countryCode: row.countryCode, at: now }, tx);
  });
}
