import { cookies } from "next/headers";
import type { JWT } from "next-auth/jwt";
import { decodeSessionToken, encodeSessionToken } from "./session-jwe";

/** How long a signed-in browser keeps its session cookie; the sessions row still decides on every request. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

// Auth.js names its cookie by the scheme the browser used (`__Secure-` only over HTTPS, which browsers enforce) and
// salts the token's key with that name.
const cookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
/** The secrets Auth.js seals with, newest first: AUTH_SECRET_3, _2, _1 while rotating, then AUTH_SECRET. */
const secret = () =>
  [process.env.AUTH_SECRET_3, process.env.AUTH_SECRET_2, process.env.AUTH_SECRET_1, process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET].filter(
    (s): s is string => !!s,
  );

/**
 * This request's Auth.js session token, opened as Auth.js opens it (session-jwe.ts): what `auth()` finds, without the rest of
 * `auth()` — which answers through Auth.js's whole session endpoint (a Request, the callbacks, and a freshly encrypted
 * token for a Set-Cookie that a page cannot send), most of the CPU a page's session check used to cost.
 */
export async function readSessionToken(): Promise<{ name: string; claims: JWT } | null> {
  const jar = await cookies();
  const name = cookieNames.find((n) => jar.has(n));
  const token = name && jar.get(name)?.value;
  if (!name || !token) return null;
  const claims = await decodeSessionToken({ token, secret: secret(), salt: name });
  return claims ? { name, claims } : null;
}

/** The session id this browser's session cookie names, live or not (the sessions row says which); null without one. */
export async function readSessionId(): Promise<string | null> {
  const sid = (await readSessionToken())?.claims.sid;
  return typeof sid === "string" ? sid : null;
}

/**
 * Points this browser's session cookie at `sessionId` (after the second step replaced the pending session), as
 * Auth.js writes it: same claims, name, salt, lifetime and flags. Only server code that has just created the
 * session row calls this; nothing the client sends is read.
 */
export async function moveSessionCookie(current: { name: string; claims: JWT }, sessionId: string) {
  const { name, claims } = current;
  const token = await encodeSessionToken({ token: { ...claims, sid: sessionId }, secret: secret(), salt: name, maxAge: sessionMaxAgeSeconds });
  (await cookies()).set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: name.startsWith("__Secure-"),
    expires: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
  });
}
