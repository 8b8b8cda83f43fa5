import { and, eq, gt, gte, isNull, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { sessions, trustedDevices } from "@/db/schema";
import { isSessionId } from "@/lib/auth/sessions";
import { hashToken } from "@/lib/crypto/secrets";

export interface PromptReceiver {
  userId: string;
  deviceId: string;
  sessionId: string;
}

/**
 * How long a trusted browser keeps receiving pushed codes after its last full sign-in, as long as it is not signed
 * out: the life of its session cookie. Like a phone that stays signed in to its account, it goes on receiving after
 * its session timed out. Holding the browser is the "something you own" a pushed code stands for, as holding the phone
 * is; the hour idle and 24 hours of session-limits.ts protect what an open session can do, which receiving does not.
 * Signing out, being signed out from another device, being removed from the trusted browsers or told to stop
 * receiving ends it at once.
 */
export const receivesCodesForMs = 30 * 24 * 60 * 60 * 1000;

// Polled about once a second by every open trusted tab: built once.
const receiverRow = preparedQuery((database) =>
  database
    .select({ userId: sessions.userId, deviceId: trustedDevices.id, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(
      trustedDevices,
      and(
        eq(trustedDevices.userId, sessions.userId),
        eq(trustedDevices.tokenHash, sql.placeholder("tokenHash")),
        eq(trustedDevices.receivesCodes, true),
        isNull(trustedDevices.revokedAt),
      ),
    )
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        isNull(sessions.revokedAt),
        gte(sessions.aal, 2),
        gt(sessions.authenticatedAt, sql.placeholder("authenticatedAfter")),
      ),
    )
    .prepare("prompt_receiver"),
);

/**
 * Who may see (and refuse) the codes pushed for an account: a browser whose device cookie is one of the account's
 * trusted browsers that receive codes, and whose session cookie names a session of the SAME account that passed the
 * second step (aal 2: never a pending one) and was not signed out, within `receivesCodesForMs` of that sign-in.
 * Anyone else gets nothing — not even whether prompts exist.
 */
export async function findPromptReceiver({
  sessionId,
  deviceToken,
  now = new Date(),
}: {
  sessionId: string | null | undefined;
  deviceToken: string | null;
  now?: Date;
}): Promise<PromptReceiver | null> {
  if (!isSessionId(sessionId) || !deviceToken) return null;
  const [row] = await receiverRow().execute({
    sessionId,
    tokenHash: hashToken(deviceToken),
    authenticatedAfter: new Date(now.getTime() - receivesCodesForMs).toISOString(),
  });
  return row ?? null;
}
