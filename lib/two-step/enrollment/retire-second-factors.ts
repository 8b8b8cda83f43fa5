import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { authenticatorApps, backupCodes, enrollments, passkeys, trustedDevices, trustedPhones } from "@/db/schema";

/**
 * Retires every second factor of the account and any unfinished enrollment, inside the caller's transaction: phones
 * still in use are forgotten outright (a removal the owner made earlier stays on record for the waiting period),
 * trusted browsers revoked (a later "Trust this browser" re-trusts the same row), and the authenticator app, passkeys
 * and backup codes deleted — so a later enrollment starts clean.
 */
export async function retireSecondFactors(tx: Tx, { userId, now }: { userId: string; now: Date }) {
  await tx.delete(trustedPhones).where(and(eq(trustedPhones.userId, userId), isNull(trustedPhones.removedAt)));
  await tx
    .update(trustedDevices)
    .set({ revokedAt: now, rememberUntil: null })
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)));
  await tx.delete(authenticatorApps).where(eq(authenticatorApps.userId, userId));
  await tx.delete(passkeys).where(eq(passkeys.userId, userId));
  await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
  await tx.delete(enrollments).where(eq(enrollments.userId, userId));
}
