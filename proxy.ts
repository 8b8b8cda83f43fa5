import { NextResponse, type NextRequest } from "next/server";
import { databaseAnswering } from "@/db/availability";
import { tooLargeAnswer, unavailablePage } from "@/lib/layout/proxy-answers";

/**
 * Sets a nonce-based Content-Security-Policy on every page (Next applies the nonce to its own scripts).
 * Authorization is not decided here: every page, action and route checks it on the server itself.
 */
/** Next's own limit for a Server Action's body (1 MB): past it Next throws, which its action handler answers as a 500. */
const serverActionBodyLimit = 1024 * 1024;

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length")) > serverActionBodyLimit) {
    return tooLargeAnswer(request);
  }
  const api = request.nextUrl.pathname.startsWith("/api/");
  // Every page, action and API route needs the database: while it is away, say so at once rather than hang on
  // reconnects. (/api/health is not routed here: it probes the database itself and reports what it finds.)
  if (!(await databaseAnswering())) return api ? unavailableJson() : unavailablePage(request);
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

function unavailableJson() {
  return Response.json(
    { error: "Stepwise is temporarily unavailable. Nothing you sent was saved halfway; try again in a few seconds." },
    { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } },
  );
}
