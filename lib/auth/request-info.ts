/**
 * The client's address as seen by the nearest hop we trust. `next start` (and nginx with
 * proxy_add_x_forwarded_for) append the socket address last, so the last entry cannot be forged by the client.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const hops = forwarded.split(",").map((h) => h.trim()).filter(Boolean);
    const trusted = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
    const ip = hops[Math.max(0, hops.length - 1 - trusted)];
    if (ip) return ip.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}
