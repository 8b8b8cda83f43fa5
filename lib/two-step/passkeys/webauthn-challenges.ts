import { and, eq, lt } from "drizzle-orm";
import { db as appDb, type Tx } from "@/db";
import { webauthnChallenges } from "@/db/schema";

export type WebauthnPurpose = (typeof webauthnChallenges.$inferSelect)["purpose"];

// Long enough to find a security key in a drawer; the browser's own timeout is set to the same.
export const ceremonyTtlMs = 5 * 60_000;

/**
 * Remembers a ceremony's random challenge for the session (or passwordless attempt) that asked. Expired ceremonies
 * are deleted here, so the table only ever holds the last few minutes' worth, whoever started them.
 */
export async function saveChallenge(input: { ownerKey: string; userId: string | null; purpose: WebauthnPurpose; challenge: string; now: Date }) {
  await appDb.transaction(async (tx) => {
    await tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, input.now));
    await tx.insert(webauthnChallenges).values({ ...input, expiresAt: new Date(input.now.getTime() + ceremonyTtlMs), createdAt: input.now });
  });
}

/**
 * The ceremony an answer belongs to, claimed for good inside the caller's transaction: it must be this owner's,
 * for this purpose, unexpired and unused. The row lock makes two concurrent answers to one challenge see one winner.
 * Null when any of that fails (a challenge shown for another purpose is burnt all the same).
 */
export async function takeChallenge(tx: Tx, input: { ownerKey: string; purpose: WebauthnPurpose; challenge: string | null; now: Date }) {
  if (!input.challenge) return null;
  const [row] = await tx
    .select()
    .from(webauthnChallenges)
    .where(and(eq(webauthnChallenges.ownerKey, input.ownerKey), eq(webauthnChallenges.challenge, input.challenge)))
    .for("update");
  if (!row || row.usedAt) return null;
  await tx.update(webauthnChallenges).set({ usedAt: input.now }).where(eq(webauthnChallenges.id, row.id));
  if (row.purpose !== input.purpose || row.expiresAt <= input.now) return null;
  return row;
}
