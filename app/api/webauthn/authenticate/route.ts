import { randomBytes } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { currentSession } from "@/lib/auth/current-user";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { clientIp } from "@/lib/auth/request-info";
import { isPendingSecondStep } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { cookieName, isHttps } from "@/lib/http/cookie-name";
import { passkeyCookie, passkeyCookieMaxAge } from "@/lib/two-step/passkeys/passkey-cookie";
import { startPasskeyAuthentication } from "@/lib/two-step/passkeys/start-passkey-authentication";
import { isSameOriginRequest } from "@/lib/auth/same-origin";
import { apiRoute } from "@/lib/layout/api-route";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ purpose: z.enum(["sign_in", "step_up", "passwordless"]) });
const noStore = { "cache-control": "no-store" };
const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: noStore });

/**
 * Options for a passkey assertion (navigator.credentials.get), with the challenge bound to who asked: the session
 * pending its second step (sign_in), a fully signed-in session confirming a change (step_up), or — for a
 * passwordless sign-in — a fresh random attempt id kept in a 5-minute httpOnly cookie.
 */
export const POST = apiRoute(async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers)) return refuse(403, "forbidden");
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return refuse(400, "bad_request");
  const { purpose } = body.data;

  try {
    if (purpose === "passwordless") {
      // Each call stores a row before anyone is known: the same per-IP budget as password sign-ins.
      const { SIGNIN_IP_LIMIT, SIGNIN_WINDOW_MINUTES } = env();
      const ip = clientIp(request.headers);
      if (ip && (await hitRateLimit({ key: `passkey:ip:${ip}`, windowMs: SIGNIN_WINDOW_MINUTES * 60_000 })).hits > SIGNIN_IP_LIMIT) {
        return refuse(429, "throttled");
      }
      const attemptId = randomBytes(32).toString("base64url");
      const options = await startPasskeyAuthentication({ ownerKey: attemptId, purpose });
      const response = NextResponse.json(options, { headers: noStore });
      const https = isHttps(request.headers);
      response.cookies.set(cookieName(passkeyCookie, https), attemptId, { httpOnly: true, sameSite: "lax", secure: https, path: "/", maxAge: passkeyCookieMaxAge });
      return response;
    }

    const current = await currentSession();
    const allowed = current && (purpose === "sign_in" ? isPendingSecondStep(current) : !isPendingSecondStep(current));
    if (!allowed) return refuse(401, "no_session");
    const options = await startPasskeyAuthentication({ ownerKey: current.session.id, purpose, userId: current.user.id });
    return Response.json(options, { headers: noStore });
  } catch (error) {
    if (error instanceof AppError && error.code === "NO_PASSKEY") return refuse(409, "no_passkey");
    throw error;
  }
});
