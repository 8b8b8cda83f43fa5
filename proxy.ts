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
  // Every page and action needs the database: while it is away, say so at once rather than hang on reconnects.
  // (API routes are not routed here: they answer JSON with their own headers, and apiRoute gates them and caps
  // their bodies — running the proxy cost a POST about a sixth of its server time.)
  if (!(await databaseAnswering())) return unavailablePage(request);
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
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
