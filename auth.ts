import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { confirmSignUp } from "@/lib/accounts/confirm-sign-up";
import { signUpRequestFromRequest } from "@/lib/accounts/sign-up-cookie";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { clientIp } from "@/lib/auth/request-info";
import { sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-jwe";
import { findActiveSession, revokeSessionById } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { deviceTokenFromRequest } from "@/lib/two-step/device-cookie";
import { passkeyAttemptFromRequest } from "@/lib/two-step/passkeys/passkey-cookie";
import { signInWithPasskey } from "@/lib/two-step/passkeys/sign-in-with-passkey";
import { signInSchema } from "@/lib/validation/account";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** Carries a domain failure code to the sign-in action (the code is safe to show: it never says which part was wrong). */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/**
 * A provider's domain refusal as Auth.js passes it on: "CODE", or "CODE:<detail>" when the form needs one more fact
 * (when to come back, tries left). Anything else is a real error and stays one.
 */
function refuse(error: unknown, detail?: (error: AppError) => unknown): never {
  if (!(error instanceof AppError)) throw error;
  const extra = detail?.(error);
  throw new SignInRefused(extra === undefined || extra === null ? error.code : `${error.code}:${extra}`);
}

export const { handlers, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  // Auth.js's token format, with the key derived once and node:crypto doing the sealing (lib/auth/session-jwe.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  // Auth.js's own pages are ours, styled and translated: sign-out asks and then signs out through our action, and its
  // errors (a form posted without its CSRF token, say) land on the sign-in form with a plain message.
  pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("INVALID_CREDENTIALS");
        try {
          const { user, sessionId } = await authenticateWithPassword({
            ...parsed.data,
            ip: clientIp(request.headers),
            userAgent: request.headers.get("user-agent") ?? "",
            deviceToken: deviceTokenFromRequest(request.headers),
          });
          return { id: user.id, email: user.email, name: user.name, sessionId };
        } catch (error) {
          refuse(error, (e) => e.details.retryAt || undefined);
        }
      },
    }),
    // The end of signing up: the emailed code, from the browser whose cookie holds the request (the password was
    // checked and hashed when the code was sent). Creates the account and its first session.
    Credentials({
      id: "sign-up",
      credentials: { code: {} },
      async authorize(credentials, request) {
        try {
          const { user, sessionId } = await confirmSignUp({
            requestId: signUpRequestFromRequest(request.headers),
            code: String(credentials.code ?? ""),
            ip: clientIp(request.headers),
            userAgent: request.headers.get("user-agent") ?? "",
          });
          return { id: user.id, email: user.email, name: user.name, sessionId };
        } catch (error) {
          refuse(error, (e) => (typeof e.details.triesLeft === "number" ? e.details.triesLeft : undefined));
        }
      },
    }),
    // Passwordless: a user-verified passkey on its own (multi-factor, AAL2); the ceremony is bound to the attempt's cookie.
    Credentials({
      id: "passkey",
      credentials: { response: {} },
      async authorize(credentials, request) {
        try {
          const { user, sessionId } = await signInWithPasskey({
            attemptId: passkeyAttemptFromRequest(request.headers),
            response: credentials.response,
            ip: clientIp(request.headers),
            userAgent: request.headers.get("user-agent") ?? "",
          });
          return { id: user.id, email: user.email, name: user.name, sessionId };
        } catch (error) {
          refuse(error);
        }
      },
    }),
  ],
  callbacks: {
    // The JWT holds only the session id; the sessions row decides on every request whether it is still valid.
    // (Pages read it with lib/auth/session-cookie.ts; after the second step that module moves it to the new session.)
    async jwt({ token, user }) {
      if (user?.sessionId) return { ...token, sid: user.sessionId };
      // Anywhere else (Auth.js's own /api/auth/session) a token is only as good as its row: an ended or revoked
      // session answers no session and loses its cookie, rather than telling a copied cookie whose account it was.
      const live = typeof token.sid === "string" && (await findActiveSession(token.sid, new Date(), { touch: false }));
      return live ? token : null;
    },
    session({ session, token }) {
      session.sessionId = token.sid ?? "";
      return session;
    },
  },
  events: {
    // Every way out ends the sessions row, not just the cookie: our own buttons and Auth.js's /api/auth/signout alike
    // (a copy of the cookie taken earlier must die with it).
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSessionById(sid);
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, not a server error: keep stacks (and emails) out of the log.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn() {},
    debug() {},
  },
});
