// Any origin will do: a target is safe when, resolved against it, it stays on it.
const here = "https://stepwise.invalid";

/**
 * Only same-site paths: "/account" yes; "//evil.test", "https://evil.test", "/\\evil" and "/\t/evil.test" no. The
 * target is resolved as a browser resolves it (the WHATWG URL parser, which drops tabs and newlines and reads "\" as
 * "/"), so no spelling the browser would turn into another host gets through; control characters are refused outright.
 */
export function safeRedirect(target: unknown, fallback = "/account"): string {
  if (typeof target !== "string" || !target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(target, here);
  } catch {
    return fallback;
  }
  return resolved.origin === here ? target.slice(0, 512) : fallback;
}
