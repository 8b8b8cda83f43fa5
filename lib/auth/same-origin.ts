/**
 * A state-changing fetch from our own pages: the browser's Fetch Metadata says same-origin and, when an Origin is
 * sent, it names this host (the one the client used, as a proxy forwards it). Requests from other sites are refused.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (!origin) return !!site;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
