import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { passkeys, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { recordPassedFactor } from "../record-passed-factor";
import { lockLockoutRow } from "../second-factor-lockout";
import { passkeyConfig } from "./passkey-config";
import { fromBase64Url, parseAuthenticationResponse, signedChallenge } from "./passkey-responses";
import { takeChallenge, type WebauthnPurpose } from "./webauthn-challenges";

export type AssertionPurpose = Exclude<WebauthnPurpose, "register">;
export type VerifyPasskeyAssertionError = "PASSKEY_FAILED";

type Outcome = { ok: true; userId: string; passkeyId: string } | { ok: false; userId: string | null };

/**
 * Checks a passkey's signed answer to a challenge this owner (session, or passwordless attempt) was given for this
 * purpose. The challenge is claimed under a row lock, so it works once even under concurrent submits; the credential
 * must belong to `userId` when one is given; user verification is required, and the library refuses a signature
 * counter that did not grow (a cloned authenticator). On success the new counter, the account's cleared failures,
 * its remembered method and the `challenge_passed` event commit together.
 *
 * Failures do not count toward the account's wrong-code lockout: a signature cannot be guessed, and a cancelled or
 * broken authenticator must not lock its owner out. Every failure is one opaque PASSKEY_FAILED (recorded as
 * `challenge_failed`): which check failed is no business of whoever presented it.
 */
export async function verifyPasskeyAssertion(input: {
  ownerKey: string;
  purpose: AssertionPurpose;
  userId?: string;
  response: unknown;
  now?: Date;
}): Promise<{ userId: string; passkeyId: string }> {
  const now = input.now ?? new Date();
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const failed = async (userId: string | null): Promise<Outcome> => {
      await recordEvent({ type: "challenge_failed", userId, method: "passkey", detail: input.purpose, at: now }, tx);
      return { ok: false, userId };
    };
    const response = parseAuthenticationResponse(input.response);
    const claimedBy = input.userId ?? null;
    if (!response) return failed(claimedBy);
    const challenge = await takeChallenge(tx, { ownerKey: input.ownerKey, purpose: input.purpose, challenge: signedChallenge(response), now });
    if (!challenge) return failed(claimedBy);

    const [key] = await tx.select().from(passkeys).where(eq(passkeys.credentialId, response.id)).for("update");
    const expectedUser = input.userId ?? challenge.userId;
    if (!key || (expectedUser && key.userId !== expectedUser)) return failed(claimedBy);
    // Alone, a passkey signs in only an account that has 2SV on: without it the passkey is just a second factor.
    if (input.purpose === "passwordless" && !(await twoStepOn(tx, key.userId))) return failed(key.userId);

    const { rpID, origins } = passkeyConfig();
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origins,
      expectedRPID: rpID,
      credential: { id: key.credentialId, publicKey: fromBase64Url(key.publicKey), counter: key.counter, transports: key.transports },
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return failed(key.userId);

    const { newCounter, credentialBackedUp } = verification.authenticationInfo;
    await tx.update(passkeys).set({ counter: newCounter, backedUp: credentialBackedUp, lastUsedAt: now }).where(eq(passkeys.id, key.id));
    const lockout = await lockLockoutRow(tx, key.userId);
    await recordPassedFactor(tx, { lockout, method: "passkey", remember: "passkey", purpose: input.purpose, now });
    return { ok: true, userId: key.userId, passkeyId: key.id };
  });
  if (!outcome.ok) throw new AppError<VerifyPasskeyAssertionError>("PASSKEY_FAILED");
  return { userId: outcome.userId, passkeyId: outcome.passkeyId };
}

async function twoStepOn(tx: Tx, userId: string) {
  const [user] = await tx.select({ on: users.twoStepEnabledAt }).from(users).where(eq(users.id, userId));
  return !!user?.on;
}
