import type { AppCookie } from "@/lib/http/cookie-name";

/** This browser's time zone, written by the page itself (components/layout/time-zone-cookie.tsx). */
export const timeZoneCookie: AppCookie = { name: "tz" };

/**
 * Pure: the zone to format times in — the browser's (its `tz` cookie, set by components/layout/time-zone-cookie.tsx)
 * when Intl knows it, else UTC. The cookie is the client's to write, so anything else must not break a page.
 */
export function pickTimeZone(cookie: string | undefined | null): string {
  if (!cookie || cookie.length > 64) return "UTC";
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: cookie });
    return cookie;
  } catch {
    return "UTC";
  }
}
