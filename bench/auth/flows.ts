// One password sign-in and one second-step verification, each exactly as a browser sends it, and the pool that
// hands out TOTP accounts so no account submits a code twice in one 30 s step (the app refuses a replay).
import { actionBody, formBody, routerStateTree } from "./actions";
import { Jar, type Client, type Outcome, type Reply } from "./http";
import { benchPassword, sessionCookie, type BenchUser } from "./seed";
import { stepAt, totpAtStep } from "./totp";

const failure = (step: string, reply: Reply, detail = ""): Outcome => ({
  ok: false,
  ms: reply.ms,
  error: reply.status ? `${step}:http_${reply.status}${detail}` : `${step}:${reply.error}`,
  sample: reply.text.slice(0, 300) || reply.error,
});

/** A browser's Auth.js CSRF cookie and token (GET /api/auth/csrf), fetched once per lane like a browser keeps it. */
export async function csrf(client: Client) {
  const jar = new Jar();
  const reply = await client.request("GET", "/api/auth/csrf", { jar });
  const token = (JSON.parse(reply.text) as { csrfToken?: string }).csrfToken;
  if (reply.status !== 200 || !token) throw new Error(`GET /api/auth/csrf: ${reply.status} ${reply.text.slice(0, 200)}`);
  return { jar, token };
}

/**
 * POST /api/auth/callback/credentials: Auth.js's credentials callback, the handler the sign-in server action's
 * signIn() calls in-process. A success is a 302 to the callback URL with the session cookie set.
 */
export async function passwordSignIn(client: Client, lane: { jar: Jar; token: string }, email: string) {
  const jar = lane.jar.copy();
  const body = new URLSearchParams({ email, password: benchPassword, csrfToken: lane.token, callbackUrl: "/account" }).toString();
  const reply = await client.request("POST", "/api/auth/callback/credentials", { body, jar, headers: { "content-type": "application/x-www-form-urlencoded" } });
  const location = String(reply.headers.location ?? "");
  if (reply.status !== 302 || location.includes("error=") || !jar.get(sessionCookie)) return { outcome: failure("sign-in", reply, location.includes("error=") ? `:${location.split("?")[1]}` : ""), jar };
  return { outcome: { ok: true, ms: reply.ms } as Outcome, jar };
}

/**
 * The sign-in form's server action, as Chromium posts it (POST /sign-in, Next-Action, the form's fields):
 * signInAction calls Auth.js signIn() in-process, and Next renders the page it redirects to into the reply.
 */
export async function signInAction(client: Client, actionId: string, email: string): Promise<Outcome> {
  const { body, contentType } = actionBody({ callbackUrl: "/account", email, password: benchPassword });
  const jar = new Jar();
  const reply = await client.request("POST", "/sign-in", {
    body,
    jar,
    headers: { "content-type": contentType, accept: "text/x-component", "accept-encoding": "gzip", "next-action": actionId, "next-router-state-tree": routerStateTree("sign-in"), referer: `${client.origin}/sign-in` },
  });
  const redirect = String(reply.headers["x-action-redirect"] ?? "");
  if (reply.status === 200 && redirect && jar.get(sessionCookie)) return { ok: true, ms: reply.ms };
  return failure("sign-in-action", reply, redirect ? `:redirect ${redirect}` : "");
}

export interface VerifyOutcome extends Outcome {
  /** The refusal the page would show ("codeUsed", "wrongCode", …) when the code was not accepted. */
  refused?: string;
}

/**
 * The /verify form's answer with an authenticator-app code, as the page's fetch sends it: multipart FormData to
 * POST /api/verify, same-origin. Accepted = 200 `{ redirectTo: "/account" }` with the upgraded session's cookie.
 */
export async function verifyCode(client: Client, sessionToken: string, code: string): Promise<VerifyOutcome> {
  const { body, contentType } = formBody({ method: "totp", code, callbackUrl: "/account" });
  const jar = new Jar({ [sessionCookie]: sessionToken });
  const reply = await client.request("POST", "/api/verify", {
    body,
    jar,
    headers: { "content-type": contentType, accept: "*/*", origin: client.origin, "sec-fetch-site": "same-origin", referer: `${client.origin}/verify?callbackUrl=%2Faccount` },
  });
  const answer = parseJson(reply.text) as { redirectTo?: string; error?: { key?: string } } | null;
  if (reply.status === 200 && answer?.redirectTo === "/account" && jar.get(sessionCookie) !== sessionToken) return { ok: true, ms: reply.ms };
  const refused = answer?.error?.key;
  if (refused) return { ok: false, ms: reply.ms, error: `refused:${refused}`, refused };
  return failure("verify", reply);
}

export interface TotpAccount {
  user: BenchUser;
  key: Buffer;
  /** Minted pending-session cookies still unused (verification phase only). */
  sessions: string[];
  lastStep: number;
}

/**
 * Hands out accounts whose code for the current step has not been submitted yet. When every account has been used
 * in this step the caller waits for the next one (counted: it means the pool was too small, not the app too slow).
 */
export function accountPool(accounts: TotpAccount[], needsSession: boolean) {
  let cursor = 0;
  let waits = 0;
  async function take(): Promise<{ account: TotpAccount; code: string }> {
    for (;;) {
      const step = stepAt(Date.now());
      for (let tried = 0; tried < accounts.length; tried++) {
        const account = accounts[cursor]!;
        cursor = (cursor + 1) % accounts.length;
        if (account.lastStep >= step || (needsSession && !account.sessions.length)) continue;
        account.lastStep = step;
        return { account, code: totpAtStep(account.key, step) };
      }
      if (needsSession && !accounts.some((a) => a.sessions.length)) throw new Error("every pending session of the pool was used: raise VERIFY_ACCOUNTS");
      waits++;
      await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 20));
    }
  }
  return { take, waits: () => waits };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
