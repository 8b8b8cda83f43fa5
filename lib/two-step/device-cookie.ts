import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { cookieFromHeader } from "@/lib/auth/request-info";

// Identifies this browser to the account's trusted-device list; the server keeps only a keyed hash of it.
export const deviceCookie = "stepwise_device";

const isDeviceToken = (value: string | null | undefined): value is string => !!value && /^[A-Za-z0-9_-]{43}$/.test(value);

export async function readDeviceToken(): Promise<string | null> {
  const value = (await cookies()).get(deviceCookie)?.value;
  return isDeviceToken(value) ? value : null;
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

/** The device token from a raw Cookie header (Auth.js authorize() sees only the request); null when absent or malformed. */
export function deviceTokenFromCookieHeader(header: string | null): string | null {
  const value = cookieFromHeader(header, deviceCookie);
  return isDeviceToken(value) ? value : null;
}
