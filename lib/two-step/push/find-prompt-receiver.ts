import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { trustedDevices } from "@/db/schema";
import { hashToken } from "@/lib/crypto/secrets";

export interface PromptReceiver {
  userId: string;
  deviceId: string;
  sessionId: string;
}

/**
 * Who may see (and refuse) the codes pushed for an account: a fully signed-in session (aal 2: password and a
 * second factor, never a pending one) in a browser whose device cookie is one of the SAME account's trusted,
 * non-revoked browsers that receive codes. Anyone else gets nothing — not even whether prompts exist.
 */
export async function findPromptReceiver(input: {
  current: { session: { id: string; aal: number; revokedAt?: Date | null }; user: { id: string } } | null;
  deviceToken: string | null;
}): Promise<PromptReceiver | null> {
  const { current, deviceToken } = input;
  if (!current || current.session.revokedAt || current.session.aal < 2 || !deviceToken) return null;
  const [device] = await db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.userId, current.user.id),
        eq(trustedDevices.tokenHash, hashToken(deviceToken)),
        eq(trustedDevices.receivesCodes, true),
        isNull(trustedDevices.revokedAt),
      ),
    );
  return device ? { userId: current.user.id, deviceId: device.id, sessionId: current.session.id } : null;
}
