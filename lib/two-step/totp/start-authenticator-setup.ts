import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { authenticatorApps } from "@/db/schema";
import { sealWith } from "@/lib/crypto/secrets";
import { totpKey } from "@/lib/crypto/totp-key";
import { newTotpSecret, totpUri } from "./totp-rules";

/**
 * A new secret for the owner to add to their app (QR code or typed). It counts for nothing until confirmed with a
 * code; an earlier unconfirmed secret is dropped, a confirmed one keeps working until the new one is confirmed.
 */
export async function startAuthenticatorSetup({ userId, account, now = new Date() }: { userId: string; account: string; now?: Date }) {
  const secret = newTotpSecret();
  const [row] = await db.transaction(async (tx) => {
    await tx.delete(authenticatorApps).where(and(eq(authenticatorApps.userId, userId), isNull(authenticatorApps.confirmedAt)));
    return tx.insert(authenticatorApps).values({ userId, sealedSecret: sealWith(totpKey(), secret), createdAt: now }).returning({ id: authenticatorApps.id });
  });
  return { setupId: row!.id, secret, uri: totpUri({ secret, account }) };
}
