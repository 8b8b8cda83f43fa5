import { databaseAnswering } from "@/db/availability";

/**
 * An API route handler that answers a 503 at once while PostgreSQL is away, as the proxy does for pages. API routes do
 * not go through the proxy: it did nothing else for them, and running it cost a POST about a sixth of its server time
 * (Next copies the body for it). /api/health is not wrapped: it probes the database itself and reports what it finds.
 */
export function whileDatabaseAnswers<Args extends unknown[]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => ((await databaseAnswering()) ? handler(...args) : databaseUnavailableJson());
}

export function databaseUnavailableJson() {
  return Response.json(
    { error: "Stepwise is temporarily unavailable. Nothing you sent was saved halfway; try again in a few seconds." },
    { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } },
  );
}
