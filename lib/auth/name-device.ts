import type { DeviceParts } from "./describe-device";

// Apart from describe-device.ts so the browser bundle (device prompts) names devices without the User-Agent parser.

/**
 * The parts as one name in the reader's words: `join` is the catalog's "{browser} on {system}" ("Chrome 156 sous
 * Linux" in French), used only when both are known.
 */
export function nameDevice(parts: DeviceParts | null, join: (both: { browser: string; system: string }) => string): string | null {
  if (!parts) return null;
  if (parts.browser && parts.system) return join({ browser: parts.browser, system: parts.system });
  return parts.browser ?? parts.system;
}
