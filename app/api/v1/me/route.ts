import { authenticateBasic } from "@/lib/app-passwords/authenticate-basic";
import { clientIp } from "@/lib/auth/request-info";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

const challenge = { "WWW-Authenticate": 'Basic realm="Stepwise API", charset="UTF-8"', "Cache-Control": "no-store" };

/**
 * The account behind an HTTP Basic credential — the small API that app-specific passwords exist for. Never a
 * session: each request authenticates on its own, and the sign-in page never accepts these passwords.
 */
export const GET = apiRoute(async function GET(request: Request) {
  const result = await authenticateBasic({ header: request.headers.get("authorization"), ip: clientIp(request.headers) });
  if (!result.ok) {
    if (result.reason === "throttled") {
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
      return Response.json({ error: "Too many attempts. Try again later." }, { status: 429, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } });
    }
    const error =
      result.reason === "missing"
        ? "Send your email and password with HTTP Basic authentication."
        : "Wrong email or password. Accounts with two-step verification need an app-specific password.";
    return Response.json({ error }, { status: 401, headers: challenge });
  }
  const { user, via } = result;
  return Response.json(
    { email: user.email, name: user.name, country: user.countryCode, twoStepVerification: !!user.twoStepEnabledAt, authenticatedWith: via },
    { headers: { "Cache-Control": "no-store" } },
  );
});
