import { eq } from "drizzle-orm";
import { db } from "@/db";
import { enrollments, users } from "@/db/schema";
import { confirmPassword } from "@/lib/auth/confirm-password";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { getEligibility } from "./get-eligibility";

export type StartEnrollmentError = "ALREADY_ENABLED" | "NOT_AVAILABLE" | "WAITING_PERIOD" | "WRONG_PASSWORD" | "THROTTLED" | "LOCKED";

/**
 * Step (a) of the wizard: the owner has read what changes and re-typed their password. Opens (or resumes) the
 * enrollment at the phone step, bound to this session for the next hour (enrollment-proof.ts), and records
 * `enrollment_started` the first time. Resuming keeps the progress and binds it to the session that proved it now.
 */
export async function startEnrollment({ userId, sessionId, password, now = new Date() }: { userId: string; sessionId: string; password: string; now?: Date }) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError<StartEnrollmentError>("WRONG_PASSWORD");
  const status = await getEligibility({ user, now });
  if (status.status === "enabled") throw new AppError<StartEnrollmentError>("ALREADY_ENABLED");
  if (status.status === "unavailable") throw new AppError<StartEnrollmentError>("NOT_AVAILABLE");
  if (status.status === "waiting") {
    throw new AppError<StartEnrollmentError>("WAITING_PERIOD", { until: status.period.until.toISOString(), reason: status.period.reason });
  }

  await confirmPassword({ user, password, now });

  const proof = { sessionId, provedAt: now, updatedAt: now };
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(enrollments)
      .values({ userId, step: "phone", startedAt: now, ...proof })
      .onConflictDoNothing()
      .returning();
    if (created) {
      await recordEvent({ type: "enrollment_started", userId, countryCode: user.countryCode, at: now }, tx);
      return created;
    }
    const [existing] = await tx.select().from(enrollments).where(eq(enrollments.userId, userId));
    const step = existing!.step === "explain" ? "phone" : existing!.step;
    const [resumed] = await tx.update(enrollments).set({ step, ...proof }).where(eq(enrollments.userId, userId)).returning();
    return resumed!;
  });
}
