"use client";

import { useEffect } from "react";

/**
 * Tells the server this browser's time zone (the `tz` cookie, read by i18n/request.ts): the server cannot know it,
 * and times are shown in UTC until the next page after this runs. Ships on every page, so no libraries.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone ?? "");
    if (!zone || document.cookie.split("; ").includes(`tz=${zone}`)) return;
    document.cookie = `tz=${zone}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
  }, []);
  return null;
}
