import { headers } from "next/headers";
import { UAParser } from "ua-parser-js";

/** A first name to offer for a new passkey, from the browser registering it: "Chrome on Linux"; "" when unknown. */
export function suggestPasskeyName(userAgent: string): string {
  const { browser, os } = UAParser(userAgent);
  // No version numbers: the name should still be right after the next browser update.
  const app = browser.name?.replace(/^Mobile /, "").replace(/ Headless$/, "");
  if (app && os.name) return `${app} on ${os.name}`;
  return app ?? os.name ?? "";
}

/** The suggestion for the browser asking for this page (its User-Agent header is what `navigator.userAgent` says). */
export async function passkeyNameForThisBrowser() {
  return suggestPasskeyName((await headers()).get("user-agent") ?? "");
}
