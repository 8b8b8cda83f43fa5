import { randomBytes } from "node:crypto";
import { cookieFromRequest, readCookie, writeCookie, type AppCookie } from "@/lib/http/app-cookie";

// Identifies this browser to the account's trusted-device list; the server keeps only a keyed hash of it.
export const deviceCookie: AppCookie = { name: "stepwise_device" };

const isDeviceToken = (value: string | null | undefined): value is string => !!value && /^[A-Za-z0-9_-]{43}$/.test(value);

export async function readDeviceToken(): Promise<string | null> {
  const value = await readCookie(deviceCookie);
  return isDeviceToken(value) ? value : null;
}

/** In a server action: the browser's device token, created on first need. */
export async function ensureDeviceToken(): Promise<string> {
  const existing = await readDeviceToken();
  if (existing) return existing;
  const token = randomBytes(32).toString("base64url");
  await writeCookie(deviceCookie, token, { sameSite: "lax", maxAge: 400 * 24 * 60 * 60 });
  return token;
}

/** The device token of a bare Request (Auth.js authorize() sees only the request); null when absent or malformed. */
export function deviceTokenFromRequest(requestHeaders: Headers): string | null {
  const value = cookieFromRequest(deviceCookie, requestHeaders);
  return isDeviceToken(value) ? value : null;
}
