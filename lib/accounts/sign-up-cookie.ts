import { cookieFromRequest, type AppCookie } from "@/lib/http/app-cookie";

// A sign-up has no session yet: the emailed code is bound to the browser that asked through this httpOnly cookie,
// which holds the request's id (random, from the CSPRNG) and lives as long as the request may be finished.
export const signUpCookie: AppCookie = { name: "stepwise_signup" };
export const signUpCookieMaxAge = 60 * 60;

const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isSignUpRequestId = (value: string | undefined | null): value is string => !!value && pattern.test(value);

/** The sign-up request id of a bare Request (Auth.js authorize() sees only the request); null when absent or malformed. */
export function signUpRequestFromRequest(requestHeaders: Headers): string | null {
  const value = cookieFromRequest(signUpCookie, requestHeaders);
  return isSignUpRequestId(value) ? value : null;
}
