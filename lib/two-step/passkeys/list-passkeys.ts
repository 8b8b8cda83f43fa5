import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { passkeys } from "@/db/schema";

/** The account's passkeys for its owner to see: never the key material. Oldest first, so the list is stable. */
export function listPasskeys(userId: string) {
  return db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      deviceType: passkeys.deviceType,
      backedUp: passkeys.backedUp,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export type PasskeySummary = Awaited<ReturnType<typeof listPasskeys>>[number];
