import { randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, type DB } from "@/db";
import { recoveryKeys } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";

// Crockford-style alphabet without look-alikes (no I, L, O, U): 32 symbols, 5 bits each → 14 characters = 70 bits.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const recoveryKeyLength = 14;

/** A new Recovery Key from the CSPRNG, e.g. "7KQ2-M9XD-4TRB-HW". Shown once; only its argon2id hash is kept. */
export function generateRecoveryKey(): string {
  return Array.from({ length: recoveryKeyLength }, () => alphabet[randomInt(alphabet.length)]).join("");
}

export function formatRecoveryKey(key: string): string {
  return key.match(/.{1,4}/g)!.join("-");
}

/** What the user typed → the canonical key: case, spaces and dashes ignored; O→0, I/L→1 as people misread them. */
export function normaliseRecoveryKey(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export const hashRecoveryKey = (key: string) => hashPassword(normaliseRecoveryKey(key));

/** Stores a new key (confirmed = the user re-entered it) and retires any previous one, in the caller's transaction. */
export async function storeRecoveryKey(
  { userId, keyHash, confirmedAt, now = new Date() }: { userId: string; keyHash: string; confirmedAt: Date | null; now?: Date },
  tx: Pick<DB, "update" | "insert"> = db,
) {
  await tx.update(recoveryKeys).set({ replacedAt: now }).where(and(eq(recoveryKeys.userId, userId), isNull(recoveryKeys.replacedAt)));
  await tx.insert(recoveryKeys).values({ userId, keyHash, confirmedAt, createdAt: now });
}

/** True when `key` is the account's current Recovery Key (a replaced key never matches). */
export async function verifyRecoveryKey({ userId, key }: { userId: string; key: string }) {
  const [row] = await db
    .select({ keyHash: recoveryKeys.keyHash })
    .from(recoveryKeys)
    .where(and(eq(recoveryKeys.userId, userId), isNull(recoveryKeys.replacedAt)));
  return row ? verifyPassword(row.keyHash, normaliseRecoveryKey(key)) : false;
}

export async function currentRecoveryKey(userId: string) {
  const [row] = await db
    .select({ createdAt: recoveryKeys.createdAt, confirmedAt: recoveryKeys.confirmedAt })
    .from(recoveryKeys)
    .where(and(eq(recoveryKeys.userId, userId), isNull(recoveryKeys.replacedAt)));
  return row ?? null;
}
