import { eq } from "drizzle-orm";
import { db } from "@/db";
import { enrollments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { countFactors } from "./count-factors";
import { currentStep, enrollmentSteps, stepIndex, type EnrollmentStep } from "./steps";

export type AdvanceEnrollmentError = "NOT_ENROLLING" | "NEEDS_FACTOR";

/**
 * Leaves the phone step (continue, or skip to rely on trusted devices) or the devices step (which needs at least one
 * verified phone or trusted device). The wizard never moves backwards: going back to look at a step keeps progress.
 */
export async function advanceEnrollment({ userId, from, now = new Date() }: { userId: string; from: "phone" | "devices"; now?: Date }) {
  const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.userId, userId));
  if (!enrollment || stepIndex(currentStep(enrollment.step)) < stepIndex(from)) throw new AppError<AdvanceEnrollmentError>("NOT_ENROLLING");
  if (from === "devices" && (await countFactors({ userId })).total === 0) throw new AppError<AdvanceEnrollmentError>("NEEDS_FACTOR");
  const next = enrollmentSteps[stepIndex(from) + 1]!;
  const step: EnrollmentStep = stepIndex(currentStep(enrollment.step)) > stepIndex(next) ? currentStep(enrollment.step) : next;
  await db.update(enrollments).set({ step, updatedAt: now }).where(eq(enrollments.userId, userId));
  return step;
}
