import { listPublicAvailability } from "@/lib/rollout/public-availability";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

/**
 * GET /api/availability[?country=FR] — 2SV availability per country, computed from the rollout state on every
 * request (so every instance answers the same). Clients and CDNs may cache it for a few seconds.
 */
export const GET = apiRoute(async function GET(request: Request) {
  const country = new URL(request.url).searchParams.get("country")?.toUpperCase() ?? null;
  const countries = await listPublicAvailability();
  const headers = { "Cache-Control": "public, max-age=5, stale-while-revalidate=5" };
  if (country) {
    const one = countries.find((c) => c.code === country);
    return one ? Response.json(one, { headers }) : Response.json({ error: "unknown country code" }, { status: 404, headers });
  }
  return Response.json({ generatedAt: new Date().toISOString(), countries }, { headers });
});
