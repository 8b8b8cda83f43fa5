import { eq } from "drizzle-orm";
import { db } from "@/db";
import { enrollments } from "@/db/schema";
import { currentStep } from "./steps";

/**
 * The account's enrollment in progress: the step it has reached, whether a Recovery Key is waiting, and which session
 * proved the password for it and when (isEnrollmentProved).
 */
export async function getEnrollment(userId: string) {
  const [row] = await db.select().from(enrollments).where(eq(enrollments.userId, userId));
  if (!row) return null;
  return {
    step: currentStep(row.step),
    hasPendingKey: !!row.pendingKeyHash,
    sessionId: row.sessionId,
    provedAt: row.provedAt,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
  };
}
