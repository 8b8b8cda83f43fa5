import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

export function serverKey(purpose: string): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is required to protect verification codes");
  return Buffer.from(hkdfSync("sha256", secret, "stepwise", purpose, 32));
}

/** Six digits from the CSPRNG, leading zeros kept. */
export function generateCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Keyed hash of a code bound to its challenge: a code from one challenge never matches another. */
export function hashCode(challengeId: string, code: string): string {
  return createHmac("sha256", serverKey("code-hash")).update(`${challengeId}:${code}`).digest("base64url");
}

export function codeMatches(challengeId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(challengeId, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Text that must be shown again later (a pushed code on the trusted device, an SMS body in the outbox) is kept
 * sealed with AES-256-GCM under a server key, so the tables never hold a code in clear.
 */
export const sealText = (text: string) => sealWith(serverKey("code-seal"), text);
export const unsealText = (value: string) => openWith(serverKey("code-seal"), value);

/** AES-256-GCM: "iv.tag.ciphertext" in base64url; a tampered value or wrong key fails to open. */
export function sealWith(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url")).join(".");
}

export function openWith(key: Buffer, value: string): string {
  const [iv, tag, sealed] = value.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key, iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(sealed!), decipher.final()]).toString("utf8");
}

/** A keyed hash for high-entropy secrets the server only compares (device tokens, backup codes, app passwords). */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", serverKey(purpose)).update(value).digest("base64url");
}

/** Opaque tokens (device cookie) are stored as SHA-256: high-entropy, so no slow hash is needed. */
export const hashToken = (token: string) => keyedHash("token-hash", token);
