import { cookies, headers } from "next/headers";
import { cookieFromHeader } from "@/lib/auth/request-info";
import { cookieName, isHttps, type AppCookie } from "./cookie-name";

export type { AppCookie };

/** In a page, server action or route handler: this request's value, read under the name its scheme gives. */
export async function readCookie(cookie: AppCookie): Promise<string | undefined> {
  return (await cookies()).get(cookieName(cookie, isHttps(await headers())))?.value;
}

/** In a server action or route handler: sets the cookie with its prefix and Secure over HTTPS, on its path. */
export async function writeCookie(cookie: AppCookie, value: string, options: { sameSite: "lax" | "strict"; httpOnly?: boolean; maxAge?: number; expires?: Date }) {
  const https = isHttps(await headers());
  (await cookies()).set(cookieName(cookie, https), value, { httpOnly: true, ...options, secure: https, path: cookie.path ?? "/" });
}

/** In a server action or route handler: the browser forgets the cookie. */
export async function deleteCookie(cookie: AppCookie) {
  const https = isHttps(await headers());
  (await cookies()).set(cookieName(cookie, https), "", { httpOnly: true, secure: https, path: cookie.path ?? "/", maxAge: 0 });
}

/** From a bare Request (Auth.js authorize() sees nothing else); null when absent. */
export const cookieFromRequest = (cookie: AppCookie, requestHeaders: Headers) => cookieFromHeader(requestHeaders.get("cookie"), cookieName(cookie, isHttps(requestHeaders)));
