import { sealText, unsealText } from "@/lib/crypto/secrets";
import { formatRecoveryKey, generateRecoveryKey } from "@/lib/two-step/recovery-key";

// The owner has this long to re-type a new key before it is discarded (nothing is stored until then).
export const pendingKeyTtlMs = 15 * 60_000;
const kind = "pending-recovery-key";

/**
 * A new Recovery Key to show once, and a sealed copy the page hands back when the owner re-types it. Nothing is
 * stored yet: the current key keeps working until the new one is confirmed, so an abandoned page locks no one out.
 */
export function prepareRecoveryKey({ userId, now = new Date() }: { userId: string; now?: Date }) {
  const key = generateRecoveryKey();
  const sealed = sealText(JSON.stringify({ k: kind, u: userId, key, x: now.getTime() + pendingKeyTtlMs }));
  return { key: formatRecoveryKey(key), sealed };
}

/** The key inside a sealed pending key, for this user and before it lapses; else null. */
export function openPreparedRecoveryKey({ sealed, userId, now = new Date() }: { sealed: unknown; userId: string; now?: Date }) {
  if (typeof sealed !== "string" || sealed.length > 1024) return null;
  try {
    const data = JSON.parse(unsealText(sealed)) as { k?: unknown; u?: unknown; key?: unknown; x?: unknown };
    if (data.k !== kind || data.u !== userId || typeof data.key !== "string" || typeof data.x !== "number" || data.x <= now.getTime()) return null;
    return data.key;
  } catch {
    return null;
  }
}
