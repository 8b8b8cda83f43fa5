import { UAParser } from "ua-parser-js";

/** "Chrome 156 on Linux" from a User-Agent; null when nothing is recognisable. */
export function describeDevice(userAgent: string): string | null {
  const { browser, os } = UAParser(userAgent);
  const name = [browser.name, browser.major].filter(Boolean).join(" ");
  const system = [os.name, os.version].filter(Boolean).join(" ");
  if (!name && !system) return null;
  return system ? `${name || "Browser"} on ${system}` : name;
}
