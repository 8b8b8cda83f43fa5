import { eq } from "drizzle-orm";
import { db as appDb, type DB } from "@/db";
import { enrollments, trustedPhones, users } from "@/db/schema";
import { waitingDaysFromEnv, waitingPeriod, type AccountChange } from "./waiting-period";

type Reader = Pick<DB, "select">;

/**
 * The account's changes that count toward the waiting period, read from the database. Phones verified during the
 * current enrollment are part of turning 2SV on, not a change that calls for a wait.
 */
export async function accountChanges(userId: string, reader: Reader = appDb): Promise<AccountChange[]> {
  const [[user], phones, [enrollment]] = await Promise.all([
    reader.select({ passwordChangedAt: users.passwordChangedAt, emailChangedAt: users.emailChangedAt }).from(users).where(eq(users.id, userId)),
    reader
      .select({ verifiedAt: trustedPhones.verifiedAt, removedAt: trustedPhones.removedAt })
      .from(trustedPhones)
      .where(eq(trustedPhones.userId, userId)),
    reader.select({ startedAt: enrollments.startedAt }).from(enrollments).where(eq(enrollments.userId, userId)),
  ]);
  const changes: AccountChange[] = [];
  if (user?.passwordChangedAt) changes.push({ reason: "password", at: user.passwordChangedAt });
  if (user?.emailChangedAt) changes.push({ reason: "email", at: user.emailChangedAt });
  for (const phone of phones) {
    if (!phone.verifiedAt) continue;
    if (enrollment && phone.verifiedAt >= enrollment.startedAt) continue;
    changes.push({ reason: "phone", at: phone.verifiedAt });
    if (phone.removedAt) changes.push({ reason: "phone", at: phone.removedAt });
  }
  return changes;
}

/** The waiting period in force for this account now, or null. */
export async function getWaitingPeriod({ userId, now = new Date(), days = waitingDaysFromEnv(), reader }: { userId: string; now?: Date; days?: number; reader?: Reader }) {
  return waitingPeriod({ changes: await accountChanges(userId, reader), now, days });
}
