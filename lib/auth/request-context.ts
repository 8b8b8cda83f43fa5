import { headers } from "next/headers";
import { clientIp } from "./request-info";

/**
 * Who is asking, for prompts and notifications: address, browser and, when a proxy or CDN in front of us tells
 * us (CF-IPCountry, X-Vercel-IP-Country, X-Country), the country. Stepwise ships no GeoIP database of its own.
 */
export async function requestContext() {
  const h = await headers();
  const country = (h.get("cf-ipcountry") ?? h.get("x-vercel-ip-country") ?? h.get("x-country") ?? "").toUpperCase();
  return {
    ip: clientIp(h),
    country: /^[A-Z]{2}$/.test(country) && country !== "XX" ? country : null,
    userAgent: h.get("user-agent") ?? "",
  };
}
