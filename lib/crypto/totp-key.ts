import { EnvError } from "@/lib/env";
import { serverKey } from "./secrets";

const hint = "generate one with: openssl rand -base64 32";

/**
 * The key that seals authenticator-app secrets at rest (AES-256-GCM): TOTP_ENCRYPTION_KEY, 32 bytes in base64 or
 * hex. Kept apart from AUTH_SECRET so a leaked session secret does not also open every TOTP secret. Production
 * must set it (the server refuses to start without it, instrumentation.ts); development and tests derive one from
 * AUTH_SECRET so a fresh checkout just works.
 */
export function totpKey(source: Record<string, string | undefined> = process.env): Buffer {
  const raw = source.TOTP_ENCRYPTION_KEY?.trim();
  if (!raw) {
    if (source.NODE_ENV === "production") throw new EnvError(`TOTP_ENCRYPTION_KEY is not set: it seals authenticator-app secrets (${hint}).`);
    return serverKey("totp-secret");
  }
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) throw new EnvError(`TOTP_ENCRYPTION_KEY must be 32 bytes in base64 or hex (${hint}).`);
  return key;
}
