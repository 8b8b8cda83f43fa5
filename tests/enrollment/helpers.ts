import { and, desc, eq } from "drizzle-orm";
import { vi } from "vitest";
import { db } from "@/db";
import { outbox, securityQuestions, sessions, users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import { unsealText } from "@/lib/crypto/secrets";
import { addTrustedPhone } from "@/lib/two-step/enrollment/add-trusted-phone";
import { advanceEnrollment } from "@/lib/two-step/enrollment/advance-enrollment";
import { confirmPendingRecoveryKey } from "@/lib/two-step/enrollment/confirm-pending-recovery-key";
import { createPendingRecoveryKey } from "@/lib/two-step/enrollment/create-pending-recovery-key";
import { startEnrollment } from "@/lib/two-step/enrollment/start-enrollment";
import { verifyTrustedPhone } from "@/lib/two-step/enrollment/verify-trusted-phone";
import { trustDevice } from "@/lib/two-step/trusted-devices";

export const password = "Lantern-Orbit-Meadow-7421";
export const request = { ip: "192.0.2.10", country: "US", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36" };

/** Call in beforeEach: sealing codes needs a secret, and messages go through the dev transport. */
export function stubEnrollmentEnv() {
  vi.stubEnv("AUTH_SECRET", "enrollment-tests-secret-enrollment-tests-secret");
  vi.stubEnv("SMS_TRANSPORT", "dev");
  vi.stubEnv("EMAIL_TRANSPORT", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("TWO_STEP_WAITING_DAYS", "");
}

let passwordHash: Promise<string> | undefined;
let counter = 0;

/** An account (US unless told) with three security questions and `sessions` signed-in browsers. */
export async function makeAccount({ countryCode = "US", sessionCount = 1, ...extra }: Partial<User> & { sessionCount?: number } = {}) {
  passwordHash ??= hashPassword(password);
  const [user] = await db
    .insert(users)
    .values({ email: `user${++counter}-${Date.now()}@example.com`, name: "Test User", countryCode, passwordHash: await passwordHash, ...extra })
    .returning();
  await db.insert(securityQuestions).values(
    ["firstPet", "firstCar", "parentsMet"].map((questionKey, i) => ({ userId: user!.id, position: i + 1, questionKey, answerHash: "argon-placeholder" })),
  );
  const sessionIds: string[] = [];
  for (let i = 0; i < sessionCount; i++) sessionIds.push(await createSession({ userId: user!.id, userAgent: request.userAgent, ip: request.ip }));
  return { user: user!, sessionId: sessionIds[0]!, otherSessionIds: sessionIds.slice(1) };
}

/** The 6-digit code in the newest SMS to `e164`, read from the dev transport's outbox like /dev/inbox does. */
export async function lastCodeTo(e164: string) {
  const [row] = await db
    .select({ body: outbox.body })
    .from(outbox)
    .where(and(eq(outbox.recipient, e164), eq(outbox.channel, "sms")))
    .orderBy(desc(outbox.createdAt))
    .limit(1);
  return unsealText(row!.body).match(/\b\d{6}\b/)![0];
}

/** Runs the wizard's domain steps up to "review" with a verified phone and this browser trusted; returns the key. */
export async function enrollToReview({ userId, sessionId, number = "(201) 555-0123", withPhone = true, withDevice = true }: { userId: string; sessionId: string; number?: string; withPhone?: boolean; withDevice?: boolean }) {
  await startEnrollment({ userId, sessionId, password });
  if (withPhone) {
    const added = await addTrustedPhone({ userId, sessionId, number, country: "US", request });
    await verifyTrustedPhone({ userId, sessionId, phoneId: added.phoneId, challengeId: added.challengeId, code: await lastCodeTo(added.e164) });
  }
  await advanceEnrollment({ userId, from: "phone" });
  if (withDevice) await trustDevice({ userId, token: `device-${userId}`, label: "Chrome 120 on Linux" });
  await advanceEnrollment({ userId, from: "devices" });
  const key = await createPendingRecoveryKey({ userId });
  await confirmPendingRecoveryKey({ userId, key, understood: true });
  return key;
}

export const sessionRow = async (id: string) => (await db.select().from(sessions).where(eq(sessions.id, id)))[0]!;
