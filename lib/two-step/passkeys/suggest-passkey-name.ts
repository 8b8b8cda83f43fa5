import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { UAParser } from "ua-parser-js";
import type { DeviceParts } from "@/lib/auth/describe-device";
import { nameDevice } from "@/lib/auth/name-device";

/** What to name a new passkey after: the browser registering it and its system ("Chrome", "Linux"). */
export function suggestPasskeyName(userAgent: string): DeviceParts | null {
  const { browser, os } = UAParser(userAgent);
  // No version numbers: the name should still be right after the next browser update.
  const parts = { browser: browser.name?.replace(/^Mobile /, "").replace(/ Headless$/, "") || null, system: os.name || null };
  return parts.browser || parts.system ? parts : null;
}

/** The suggestion for the browser asking for this page, in its language ("Chrome on Linux"); "" when unknown. */
export async function passkeyNameForThisBrowser() {
  const [requestHeaders, t] = await Promise.all([headers(), getTranslations("devices")]);
  return nameDevice(suggestPasskeyName(requestHeaders.get("user-agent") ?? ""), (both) => t("browserOnSystem", both)) ?? "";
}
