import { databaseAnswering } from "@/db/availability";

// Our API routes take a form or a small JSON body; a passkey's signed answer, the largest, is a few kB.
export const apiBodyLimitBytes = 64 * 1024;

/**
 * What every API route handler but /api/health goes through, because API routes do not run the proxy (it did
 * nothing else for them, and running it cost a POST about a sixth of its server time: Next copies the body for it):
 * a body over the limit is refused before anything reads it, and while PostgreSQL is away the answer is a 503 at
 * once, as the proxy answers pages. (/api/health probes the database itself and reports what it finds.)
 */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    const request = args[0];
    // A body left unread (this refusal, an early answer) is read off the wire and dropped by Node once the reply is
    // sent, so the connection stays usable (e2e/security/body-limit.spec.ts).
    if (request instanceof Request && bodyTooLarge(request.headers)) {
      return Response.json({ error: "That request is too large." }, { status: 413, headers: { "cache-control": "no-store" } });
    }
    return (await databaseAnswering()) ? handler(...args) : databaseUnavailableJson();
  };
}

function bodyTooLarge(headers: Headers) {
  const length = headers.get("content-length");
  // A body sent without a length (chunked) could be any size; browsers' forms and fetch always send one.
  if (length === null) return headers.has("transfer-encoding");
  return !(Number(length) <= apiBodyLimitBytes);
}

export function databaseUnavailableJson() {
  return Response.json(
    { error: "Stepwise is temporarily unavailable. Nothing you sent was saved halfway; try again in a few seconds." },
    { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } },
  );
}
