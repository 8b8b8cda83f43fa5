import { timingSafeEqual } from "node:crypto";
import { hashToken } from "@/lib/crypto/secrets";

/**
 * Links we email (password reset, new email address) carry a token the server signed, so nothing needs storing:
 * a keyed MAC over the payload, bound to a `kind` so one kind of token is never accepted as another. Tokens are
 * single use because each payload carries a fingerprint of the state the link changes (the password hash, the
 * current email): once the change is made the fingerprint no longer matches.
 */
export interface SignedPayload {
  /** user id */
  u: string;
  /** expiry, ms since epoch */
  x: number;
  /** fingerprint of the state the link may change */
  f: string;
  [extra: string]: unknown;
}

const mac = (kind: string, body: string) => hashToken(`signed-link:${kind}:${body}`);

export function signToken(kind: string, payload: SignedPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(kind, body)}`;
}

/** The payload when the token is genuine, of this kind and not expired; otherwise null. */
export function openSignedToken(kind: string, token: unknown, now = new Date()): SignedPayload | null {
  if (typeof token !== "string" || token.length > 2048) return null;
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) return null;
  const expected = Buffer.from(mac(kind, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as SignedPayload;
    if (typeof payload.u !== "string" || typeof payload.f !== "string" || typeof payload.x !== "number") return null;
    return payload.x > now.getTime() ? payload : null;
  } catch {
    return null;
  }
}

/** A short keyed fingerprint of some account state (never reversible to it). */
export const fingerprint = (...parts: (string | null | undefined)[]) => hashToken(`fingerprint:${parts.map((p) => p ?? "").join("\u0000")}`).slice(0, 22);
