/**
 * One cookie's value from a raw Cookie header: Auth.js's authorize() sees only its Request, not Next's cookies().
 * Null when the cookie is absent.
 */
export function cookieFromHeader(header: string | null, name: string): string | null {
  for (const pair of header?.split(";") ?? []) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}

/**
 * The client's address as the nearest trusted proxy saw it: the last X-Forwarded-For entry, skipping
 * TRUSTED_PROXY_HOPS entries appended by further trusted proxies. `next start` only fills the header when it is
 * missing (it never appends the socket address), so an instance must sit behind a proxy that sets or appends it —
 * reached directly, a client could name its own address (README, "Deploying").
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((h) => h.trim()).filter(Boolean);
    const trusted = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
    const ip = hops[Math.max(0, hops.length - 1 - trusted)];
    if (ip) return plainAddress(ip);
  }
  const real = headers.get("x-real-ip");
  return real ? plainAddress(real) : null;
}

/** An IPv4 client seen on a dual-stack socket as "::ffff:192.0.2.1" is shown, limited and stored as 192.0.2.1. */
const plainAddress = (ip: string) => ip.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, "").slice(0, 64);
