import { eq } from "drizzle-orm";
import { db } from "@/db";
import { enrollments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { formatRecoveryKey, generateRecoveryKey, hashRecoveryKey } from "../recovery-key";
import { currentStep, stepIndex } from "./steps";

/**
 * Step (d): a new Recovery Key for this enrollment. Only its argon2id hash is kept (enrollments.pendingKeyHash);
 * the key itself goes back to the page once. Making a new one replaces the pending one and must be confirmed again.
 */
export async function createPendingRecoveryKey({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const [enrollment] = await db.select({ step: enrollments.step }).from(enrollments).where(eq(enrollments.userId, userId));
  if (!enrollment || stepIndex(currentStep(enrollment.step)) < stepIndex("key")) throw new AppError("NOT_ENROLLING");
  const key = generateRecoveryKey();
  const pendingKeyHash = await hashRecoveryKey(key);
  await db.update(enrollments).set({ pendingKeyHash, step: "key", updatedAt: now }).where(eq(enrollments.userId, userId));
  return formatRecoveryKey(key);
}
