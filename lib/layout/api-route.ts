import { databaseAnswering } from "@/db/availability";

// Our API routes take a form or a small JSON body; a passkey's signed answer, the largest, is a few kB.
export const apiBodyLimitBytes = 64 * 1024;
// An unread body is still read (and dropped) up to this much before the reply, then the connection is given up.
const discardLimitBytes = 16 * 1024 * 1024;

/**
 * What every API route handler but /api/health goes through, because API routes do not run the proxy (it did
 * nothing else for them, and running it cost a POST about a sixth of its server time: Next copies the body for it):
 * a body over the limit is refused before anything reads it, and while PostgreSQL is away the answer is a 503 at
 * once, as the proxy answers pages. (/api/health probes the database itself and reports what it finds.)
 */
export function apiRoute<Args extends unknown[]>(handler: (...args: Args) => Response | Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    const request = args[0] instanceof Request ? args[0] : null;
    try {
      if (request && bodyTooLarge(request.headers)) return Response.json({ error: "That request is too large." }, { status: 413, headers: { "cache-control": "no-store" } });
      return (await databaseAnswering()) ? await handler(...args) : databaseUnavailableJson();
    } finally {
      // A body the handler did not read (a refusal, an early answer, an error) is read and dropped before the reply, as
      // the proxy's copy of it did: a reply that arrives while the client is still sending can get its connection reset.
      if (request && !request.bodyUsed && !request.body?.locked) await discardBody(request);
    }
  };
}

function bodyTooLarge(headers: Headers) {
  const length = headers.get("content-length");
  // A body sent without a length (chunked) could be any size; browsers' forms and fetch always send one.
  if (length === null) return headers.has("transfer-encoding");
  return !(Number(length) <= apiBodyLimitBytes);
}

/** Reads a body to its end without keeping it (past the limit the connection is given up instead). */
async function discardBody(request: Request) {
  const reader = request.body?.getReader();
  if (!reader) return;
  try {
    for (let seen = 0; seen <= discardLimitBytes; ) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to answer.
  }
}

export function databaseUnavailableJson() {
  return Response.json(
    { error: "Stepwise is temporarily unavailable. Nothing you sent was saved halfway; try again in a few seconds." },
    { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } },
  );
}
