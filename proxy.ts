import { NextResponse, type NextRequest } from "next/server";
import { databaseAnswering } from "@/db/availability";

/**
 * Sets a nonce-based Content-Security-Policy on every page (Next applies the nonce to its own scripts).
 * Authorization is not decided here: every page, action and route checks it on the server itself.
 */
/** Next's own limit for a Server Action's body (1 MB): past it Next throws, which its action handler answers as a 500. */
const serverActionBodyLimit = 1024 * 1024;

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length")) > serverActionBodyLimit) {
    return new NextResponse("This request is too large.", { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const api = request.nextUrl.pathname.startsWith("/api/");
  // Every page, action and API route needs the database: while it is away, say so at once rather than hang on
  // reconnects. (/api/health is not routed here: it probes the database itself and reports what it finds.)
  if (!(await databaseAnswering())) return api ? unavailableJson() : unavailable();
  // Route handlers answer JSON and set their own headers: no page policy, no nonce.
  if (api) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Lets a layout send a signed-out visitor back to the page they asked for (always overwritten: never the client's).
  requestHeaders.set("x-stepwise-path", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/health$|_next/static|_next/image|favicon.ico).*)" }],
};

/** A plain page (no app code runs without the database): what happened, and that retrying is safe. */
function unavailable() {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Temporarily unavailable · Stepwise</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#0f172a">
<h1 style="font-size:1.5rem">Stepwise is temporarily unavailable</h1>
<p>We can't reach our database right now. Nothing you sent was saved halfway; please try again in a few seconds.</p>
<p><a href="" style="color:#1d4ed8">Try again</a></p></body></html>`;
  return new NextResponse(body, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "5", "cache-control": "no-store" } });
}

function unavailableJson() {
  return Response.json(
    { error: "Stepwise is temporarily unavailable. Nothing you sent was saved halfway; try again in a few seconds." },
    { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } },
  );
}
