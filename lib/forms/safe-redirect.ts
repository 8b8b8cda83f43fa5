/** Only same-site paths: "/account" yes; "//evil.test", "https://evil.test" and "/\\evil" no. */
export function safeRedirect(target: unknown, fallback = "/account"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return fallback;
  return target.slice(0, 512);
}
