/**
 * One of our cookies (Auth.js names its own). Over HTTPS each is Secure and carries a name prefix the browser enforces
 * (OWASP ASVS 5.0 V3.3.1, V3.3.3): `__Host-` for those on every path (set by this host only, never with a Domain, so
 * a sibling subdomain or a plain-HTTP page cannot plant one: a planted device token would be trusted by whoever chose
 * it), `__Secure-` for one kept to a narrower path. Over plain HTTP (the local demo, the tests) browsers refuse both
 * prefixes, so the bare name.
 */
export interface AppCookie {
  name: string;
  path?: string;
}

/** The scheme the browser used, as the nearest proxy reports it (`next start` fills the header when it is absent). */
export const isHttps = (requestHeaders: Headers) => requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";

/** What the cookie is called on a request made over `https` or not. */
export function cookieName(cookie: AppCookie, https: boolean) {
  if (!https) return cookie.name;
  return `${(cookie.path ?? "/") === "/" ? "__Host-" : "__Secure-"}${cookie.name}`;
}
