import { UAParser } from "ua-parser-js";

export interface DeviceParts {
  browser: string | null;
  system: string | null;
}

/** Browser ("Chrome 156") and system ("Linux") from a User-Agent; null when neither is recognisable. */
export function describeDevice(userAgent: string | null | undefined): DeviceParts | null {
  if (!userAgent) return null;
  const { browser, os } = UAParser(userAgent);
  const parts = { browser: [browser.name, browser.major].filter(Boolean).join(" ") || null, system: [os.name, os.version].filter(Boolean).join(" ") || null };
  return parts.browser || parts.system ? parts : null;
}
