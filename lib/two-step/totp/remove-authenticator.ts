import { eq } from "drizzle-orm";
import { db } from "@/db";
import { authenticatorApps } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { countFactors } from "../enrollment/count-factors";

export type RemoveAuthenticatorError = "LAST_FACTOR";

/** Forgets the account's authenticator app; with 2SV on, never its last way to pass the second step. */
export async function removeAuthenticator({ userId, twoStepOn, now = new Date() }: { userId: string; twoStepOn: boolean; now?: Date }) {
  await db.transaction(async (tx) => {
    if (twoStepOn && (await countFactors({ userId, exceptApp: true }, tx)).total === 0) throw new AppError<RemoveAuthenticatorError>("LAST_FACTOR");
    const removed = await tx.delete(authenticatorApps).where(eq(authenticatorApps.userId, userId)).returning({ confirmedAt: authenticatorApps.confirmedAt });
    if (removed.some((r) => r.confirmedAt)) await recordEvent({ type: "authenticator_removed", userId, method: "totp", at: now }, tx);
  });
}
