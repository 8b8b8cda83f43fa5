"use client";

import { useEffect } from "react";
import { timeZoneCookie } from "@/i18n/time-zone";
import { cookieName } from "@/lib/http/cookie-name";

/**
 * Tells the server this browser's time zone (the `tz` cookie, `__Host-tz` over HTTPS, read by i18n/request.ts): the
 * server cannot know it, and times are shown in UTC until the next page after this runs. Ships on every page, so no
 * libraries.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
    const https = location.protocol === "https:";
    const name = cookieName(timeZoneCookie, https);
    if (!zone || document.cookie.split("; ").includes(`${name}=${zone}`)) return;
    document.cookie = `${name}=${zone}; path=/; max-age=31536000; samesite=lax${https ? "; secure" : ""}`;
  }, []);
  return null;
}
