import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * Auth.js's session token in exactly its format — a compact JWE (RFC 7516), "dir" + A256CBC-HS512 (RFC 7518 §5.2.5),
 * the 64-byte key from HKDF-SHA256 of the secret salted with the cookie name, `kid` the key's RFC 7638 thumbprint —
 * sealed and opened with node:crypto. Auth.js's own `encode`/`decode` derive the key and its thumbprint again on every
 * call and run each step as a WebCrypto job: about 1 ms of CPU per token, on every page view and twice per second
 * step; this is a tenth of that. Auth.js is configured with these two (auth.ts), so every token is written and read
 * here; tests hold each direction against Auth.js's own functions.
 */

const enc = "A256CBC-HS512";
// What Auth.js's decode allows for a token's clock: 15 s of skew on `exp` and `nbf`.
const clockToleranceSeconds = 15;
const defaultMaxAgeSeconds = 30 * 24 * 60 * 60;

interface SessionKey {
  macKey: Buffer;
  encKey: Buffer;
  kid: string;
}

const keys = new Map<string, SessionKey>();

/** The key Auth.js derives for a secret and cookie name, derived once per process. */
function sessionKey(secret: string, salt: string): SessionKey {
  // Anyone could derive the key of an empty secret (Auth.js refuses one too).
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const bytes = Buffer.from(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    // RFC 7638: the thumbprint of an "oct" key is the hash of its required members, in this order, without spaces.
    const kid = createHash("sha512").update(`{"k":"${bytes.toString("base64url")}","kty":"oct"}`).digest("base64url");
    key = { macKey: bytes.subarray(0, 32), encKey: bytes.subarray(32), kid };
    keys.set(id, key);
  }
  return key;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

/** RFC 7518 §5.2.2.1: the tag is the first half of HMAC-SHA-512 over AAD ‖ IV ‖ ciphertext ‖ AAD's length in bits. */
function tagOf(macKey: Buffer, aad: Buffer, iv: Buffer, ciphertext: Buffer) {
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(aad.length * 8));
  return createHmac("sha512", macKey).update(aad).update(iv).update(ciphertext).update(bits).digest().subarray(0, 32);
}

export async function encodeSessionToken<Payload = JWT>({ token = {} as Payload, secret, salt, maxAge = defaultMaxAgeSeconds }: JWTEncodeParams<Payload>) {
  const key = sessionKey(secretsOf(secret)[0]!, salt);
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: "dir", enc, kid: key.kid })).toString("base64url");
  const payload = JSON.stringify({ ...token, iat: now, exp: now + maxAge, jti: randomUUID() });
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key.encKey, iv);
  const ciphertext = Buffer.concat([cipher.update(payload, "utf8"), cipher.final()]);
  const tag = tagOf(key.macKey, Buffer.from(header), iv, ciphertext);
  return [header, "", iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

/** The token's claims, or null for anything that is not a live token sealed under one of the secrets. */
export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const parts = token.split(".");
  // Strict base64url: Buffer.from skips characters outside the alphabet, so a changed token could still open.
  if (parts.length !== 5 || parts[1] !== "" || !parts.every((part) => /^[\w-]*$/.test(part))) return null;
  const [header, , ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  try {
    const fields = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, unknown>;
    // Only what Auth.js writes: no other algorithm, no compression, no extensions to honour.
    if (fields.alg !== "dir" || fields.enc !== enc || "zip" in fields || "crit" in fields) return null;
    const key = secretsOf(secret).map((s) => sessionKey(s, salt)).find((k) => fields.kid === undefined || fields.kid === k.kid);
    if (!key) return null;
    const iv = Buffer.from(ivText, "base64url");
    const ciphertext = Buffer.from(ciphertextText, "base64url");
    const tag = Buffer.from(tagText, "base64url");
    if (iv.length !== 16 || tag.length !== 32 || !timingSafeEqual(tag, tagOf(key.macKey, Buffer.from(header), iv, ciphertext))) return null;
    const decipher = createDecipheriv("aes-256-cbc", key.encKey, iv);
    const claims = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")) as unknown;
    return isLive(claims) ? (claims as JWT) : null;
  } catch {
    return null;
  }
}

/** A JSON object whose time claims, where present, are numbers and hold now (with Auth.js's tolerance). */
function isLive(claims: unknown): claims is Record<string, unknown> {
  if (!claims || typeof claims !== "object" || Array.isArray(claims)) return false;
  const { exp, nbf, iat } = claims as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  for (const value of [exp, nbf, iat]) if (value !== undefined && typeof value !== "number") return false;
  if (typeof exp === "number" && exp <= now - clockToleranceSeconds) return false;
  if (typeof nbf === "number" && nbf > now + clockToleranceSeconds) return false;
  return true;
}
