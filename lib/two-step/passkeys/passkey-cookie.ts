import { cookieFromRequest, type AppCookie } from "@/lib/http/app-cookie";

// A passwordless attempt has no session yet: its ceremony is bound to this random id, kept by the browser in an
// httpOnly cookie that lives as long as the challenge (so another tab or site cannot answer in its place).
export const passkeyCookie: AppCookie = { name: "stepwise_passkey" };
export const passkeyCookieMaxAge = 5 * 60;

const pattern = /^[A-Za-z0-9_-]{43}$/;

export const isPasskeyAttemptId = (value: string | undefined | null): value is string => !!value && pattern.test(value);

/** The attempt id of a bare Request (Auth.js authorize() sees only the request); null when absent or malformed. */
export function passkeyAttemptFromRequest(requestHeaders: Headers): string | null {
  const value = cookieFromRequest(passkeyCookie, requestHeaders);
  return isPasskeyAttemptId(value) ? value : null;
}
