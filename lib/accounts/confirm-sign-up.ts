import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "@/db";
import { signUpRequests, users } from "@/db/schema";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { clearPasswordFailures } from "@/lib/auth/authenticate-with-password";
import { createSession } from "@/lib/auth/sessions";
import { codeMatches } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { isSignUpRequestId } from "./sign-up-cookie";
import { signUpAddressKey } from "./sign-up-address-key";
import { maxTriesPerSignUpCode, normalizeSignUpCode, signUpTriesPerAddress, signUpTriesWindowMs } from "./sign-up-policy";

export type ConfirmSignUpError = "SIGN_UP_EXPIRED" | "TOO_MANY_TRIES" | "WRONG_CODE" | "EMAIL_TAKEN";

/**
 * The second half of signing up: the emailed code, from the browser that asked. A try is counted before the code is
 * checked (parallel guesses each use one up): five per code (a new code starts five more, up to three codes), and
 * twenty a day per address across all its requests, so guessing is bounded per address whoever guesses and from how
 * many places. The right code creates the account with the address now confirmed, and signs it in (a new session;
 * the password was proven with the request).
 */
export async function confirmSignUp(input: { requestId: string | null; code: string; ip: string | null; userAgent: string; now?: Date }) {
  const now = input.now ?? new Date();
  if (!isSignUpRequestId(input.requestId)) throw new AppError<ConfirmSignUpError>("SIGN_UP_EXPIRED");
  const [request] = await db
    .update(signUpRequests)
    .set({ attempts: sql`${signUpRequests.attempts} + 1` })
    .where(and(eq(signUpRequests.id, input.requestId), gt(signUpRequests.expiresAt, now)))
    .returning();
  if (!request) throw new AppError<ConfirmSignUpError>("SIGN_UP_EXPIRED");
  if (request.attempts > maxTriesPerSignUpCode) throw new AppError<ConfirmSignUpError>("TOO_MANY_TRIES");
  const perAddress = await hitRateLimit({ key: signUpAddressKey("tries", request.email), windowMs: signUpTriesWindowMs, now });
  if (perAddress.hits > signUpTriesPerAddress) throw new AppError<ConfirmSignUpError>("TOO_MANY_TRIES");

  const code = normalizeSignUpCode(input.code);
  // A request without a working code (the address had an account, or was sent nothing) matches no code, after the
  // same work as one that has.
  if (!codeMatches(request.id, code, request.codeHash ?? "") || !/^\d{6}$/.test(code)) {
    const triesLeft = maxTriesPerSignUpCode - request.attempts;
    throw new AppError<ConfirmSignUpError>(triesLeft > 0 ? "WRONG_CODE" : "TOO_MANY_TRIES", { triesLeft });
  }

  const user = await db.transaction(async (tx) => {
    // Single use, and nothing of the request (its password hash) is kept once the account holds it.
    const [finished] = await tx.delete(signUpRequests).where(eq(signUpRequests.id, request.id)).returning({ id: signUpRequests.id });
    if (!finished) throw new AppError<ConfirmSignUpError>("SIGN_UP_EXPIRED");
    const [created] = await tx
      .insert(users)
      .values({ name: request.name, email: request.email, passwordHash: request.passwordHash, countryCode: request.countryCode, locale: request.locale, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (created) await recordEvent({ type: "account_created", userId: created.id, countryCode: created.countryCode, at: created.createdAt }, tx);
    return created ?? null;
  });
  // Another sign-up for this address finished first (the request is gone all the same). Whoever holds this code reads
  // that mailbox, so saying so is safe.
  if (!user) throw new AppError<ConfirmSignUpError>("EMAIL_TAKEN");
  // Wrong passwords typed in this address's name before it had an account do not lock the new one.
  await clearPasswordFailures(user.email);
  const sessionId = await createSession({ userId: user.id, userAgent: input.userAgent, ip: input.ip });
  return { user, sessionId };
}
