import { asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { passkeys, users } from "@/db/schema";

// E2E ONLY — served by app/api/test/[query]/route.ts, which answers 404 unless STEPWISE_TEST_HOOKS=1.
// Never returns a credential id or a public key.

export const passkeyTestQueries = {
  passkeys: async (email: string) =>
    db
      .select({ id: passkeys.id, name: passkeys.name, counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt, deviceType: passkeys.deviceType })
      .from(passkeys)
      .innerJoin(users, eq(users.id, passkeys.userId))
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      .orderBy(asc(passkeys.createdAt)),
};
