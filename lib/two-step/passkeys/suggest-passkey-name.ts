import { UAParser } from "ua-parser-js";

/** A first name to offer for a new passkey, from the browser registering it: "Chrome on Linux"; "" when unknown. */
export function suggestPasskeyName(userAgent: string): string {
  const { browser, os } = UAParser(userAgent);
  // No version numbers: the name should still be right after the next browser update.
  const app = browser.name?.replace(/^Mobile /, "").replace(/ Headless$/, "");
  if (app && os.name) return `${app} on ${os.name}`;
  return app ?? os.name ?? "";
}
