import { sessionOf, signInPath } from "@/lib/auth/current-user";
import { requestContext } from "@/lib/auth/request-context";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { moveSessionCookie, readSessionToken } from "@/lib/auth/session-cookie";
import { isPendingSecondStep, upgradeSession } from "@/lib/auth/sessions";
import { safeRedirect } from "@/lib/forms/safe-redirect";
import { checkSecondFactor, readSecondFactorProof } from "@/lib/two-step/check-second-factor";
import { challengeFeedback, type ChallengeFeedback } from "@/lib/two-step/challenge-messages";
import { ensureDeviceToken } from "@/lib/two-step/device-cookie";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

/** What the /verify form reads: where the browser goes next, or why the code was refused. */
type VerifyReply = { redirectTo: string } | { error: ChallengeFeedback };

// Refusals that last beyond this code: the client's next try has to wait.
const throttled = new Set(["locked", "lockedForGood", "tooManyTries"]);

/**
 * The second step of signing in, answered as JSON: the code (or passkey, or backup code) is checked, the pending
 * session upgraded, and the browser then loads the next page itself. (A server action that redirects renders that page
 * into its reply, which was most of what a verification cost the server.)
 */
export const POST = apiRoute(async function POST(request: Request) {
  // The session cookie is SameSite=Lax; a cross-site form or fetch is refused here as well.
  if (!isSameOriginRequest(request.headers)) return reply({ error: { key: "notValid" } }, 403);
  const token = await readSessionToken();
  const current = await sessionOf(token);
  // No live session: its 30 minutes to finish the step ran out, or it was signed out elsewhere (the page says so).
  if (!token || !current) return reply({ redirectTo: await signInPath() }, 401);
  const form = await request.formData().catch(() => null);
  const redirectTo = safeRedirect(form?.get("callbackUrl"));
  if (!isPendingSecondStep(current)) return reply({ redirectTo }, 409);
  const proof = form && readSecondFactorProof(form);
  if (!proof) return reply({ error: { key: "codeRequired" } }, 400);

  const { user, session } = current;
  try {
    await checkSecondFactor({ userId: user.id, sessionId: session.id, purpose: "sign_in", proof, request: await requestContext() });
  } catch (error) {
    const feedback = challengeFeedback(error);
    return reply({ error: feedback }, throttled.has(feedback.key) ? 429 : 400);
  }
  const device =
    form.get("trustBrowser") === "on"
      ? await trustDevice({ userId: user.id, token: await ensureDeviceToken(), userAgent: session.userAgent, remember: true })
      : null;
  const upgraded = await upgradeSession({ pendingSessionId: session.id, deviceId: device?.id ?? null });
  if (upgraded) await moveSessionCookie(token, upgraded);
  return reply({ redirectTo });
});

function reply(body: VerifyReply, status = 200) {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
