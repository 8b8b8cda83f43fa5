import { eq } from "drizzle-orm";
import { db } from "@/db";
import { enrollments } from "@/db/schema";
import { currentStep } from "./steps";

/** The account's enrollment in progress: the step it has reached and whether a Recovery Key is waiting. */
export async function getEnrollment(userId: string) {
  const [row] = await db.select().from(enrollments).where(eq(enrollments.userId, userId));
  if (!row) return null;
  return { step: currentStep(row.step), hasPendingKey: !!row.pendingKeyHash, startedAt: row.startedAt, updatedAt: row.updatedAt };
}
