import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";

// Identifies this browser to the account's trusted-device list; the server keeps only a keyed hash of it.
export const deviceCookie = "stepwise_device";

export async function readDeviceToken(): Promise<string | null> {
  const value = (await cookies()).get(deviceCookie)?.value;
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

/** In a server action: the browser's device token, created on first need. */
export async function ensureDeviceToken(): Promise<string> {
  const existing = await readDeviceToken();
  if (existing) return existing;
  const token = randomBytes(32).toString("base64url");
  (await cookies()).set(deviceCookie, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: (await headers()).get("x-forwarded-proto") === "https",
    path: "/",
    maxAge: 400 * 24 * 60 * 60,
  });
  return token;
}

/** Parses the device token out of a raw Cookie header (Auth.js authorize() sees only the request). */
export function deviceTokenFromCookieHeader(header: string | null): string | null {
  const match = header?.match(/(?:^|;\s*)stepwise_device=([A-Za-z0-9_-]{43})(?:;|$)/);
  return match?.[1] ?? null;
}
