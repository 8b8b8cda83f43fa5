import { denyChallenge } from "@/lib/two-step/push/deny-challenge";
import { thisBrowsersReceiver } from "@/lib/two-step/push/this-browsers-receiver";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

/** "Don't allow": refuses one pushed code from a trusted browser of the same account. */
export const POST = apiRoute(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // The cookies are SameSite=Lax, and a cross-site form or fetch is refused here as well.
  if (!isSameOriginRequest(request.headers)) return Response.json({ status: "forbidden" }, { status: 403 });
  const receiver = await thisBrowsersReceiver();
  const { id } = await params;
  if (!receiver || !(await denyChallenge({ userId: receiver.userId, challengeId: id }))) {
    return Response.json({ status: "unknown" }, { status: 404 });
  }
  return Response.json({ status: "denied" }, { headers: { "cache-control": "no-store" } });
});
