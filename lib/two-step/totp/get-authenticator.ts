import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { authenticatorApps } from "@/db/schema";

/** The account's confirmed authenticator app (dates only; the secret never leaves the verifier), or null. */
export async function getAuthenticator(userId: string) {
  const [app] = await db
    .select({ confirmedAt: authenticatorApps.confirmedAt, lastUsedAt: authenticatorApps.lastUsedAt })
    .from(authenticatorApps)
    .where(and(eq(authenticatorApps.userId, userId), isNotNull(authenticatorApps.confirmedAt)));
  return app ? { confirmedAt: app.confirmedAt!, lastUsedAt: app.lastUsedAt } : null;
}
