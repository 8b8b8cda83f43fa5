import { randomBytes } from "node:crypto";
import { sealText, unsealText } from "@/lib/crypto/secrets";
import { recoveryAttemptTtlMs } from "./recovery-policy";

/**
 * A signed-out recovery in progress, after the email and Recovery Key were verified. Kept in an httpOnly cookie,
 * sealed (AES-GCM) so it cannot be forged or read. `id` is random and serves as the "session" that recovery codes
 * are bound to; `keyId` is the Recovery Key row that was proven, so the attempt dies once that key is replaced.
 */
export interface RecoveryAttempt {
  id: string;
  userId: string;
  keyId: string;
  expiresAt: Date;
}

const kind = "recovery-attempt";

export function newRecoveryAttempt({ userId, keyId, now = new Date() }: { userId: string; keyId: string; now?: Date }): RecoveryAttempt {
  return { id: `rec_${randomBytes(32).toString("base64url")}`, userId, keyId, expiresAt: new Date(now.getTime() + recoveryAttemptTtlMs) };
}

export function sealRecoveryAttempt(attempt: RecoveryAttempt): string {
  return sealText(JSON.stringify({ k: kind, a: attempt.id, u: attempt.userId, r: attempt.keyId, x: attempt.expiresAt.getTime() }));
}

/** The attempt in a cookie value, or null when it is missing, tampered with, of another kind, or expired. */
export function openRecoveryAttempt(value: string | undefined | null, now = new Date()): RecoveryAttempt | null {
  if (!value || value.length > 1024) return null;
  try {
    const data = JSON.parse(unsealText(value)) as { k?: unknown; a?: unknown; u?: unknown; r?: unknown; x?: unknown };
    if (data.k !== kind || typeof data.a !== "string" || typeof data.u !== "string" || typeof data.r !== "string" || typeof data.x !== "number") return null;
    if (data.x <= now.getTime()) return null;
    return { id: data.a, userId: data.u, keyId: data.r, expiresAt: new Date(data.x) };
  } catch {
    return null;
  }
}
