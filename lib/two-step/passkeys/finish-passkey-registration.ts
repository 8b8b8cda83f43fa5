import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { passkeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { queueMethodEmail } from "../notify-method-change";
import { passkeyConfig } from "./passkey-config";
import { normalisePasskeyName } from "./passkey-name";
import { parseRegistrationResponse, signedChallenge, toBase64Url } from "./passkey-responses";
import { maxPasskeys } from "./start-passkey-registration";
import { takeChallenge } from "./webauthn-challenges";

export type FinishPasskeyRegistrationError = "REGISTRATION_FAILED" | "ALREADY_REGISTERED" | "TOO_MANY_PASSKEYS";

/**
 * Stores the new credential once the authenticator's answer checks out against the challenge this session was given:
 * right origin and RP id, user verified, a supported key. The name is checked first, so a typo in it never costs
 * the owner another touch of the key. The credential and its `passkey_added` event commit together.
 */
export async function finishPasskeyRegistration(input: { userId: string; ownerKey: string; name: string; response: unknown; now?: Date }) {
  const now = input.now ?? new Date();
  const name = normalisePasskeyName(input.name);
  const response = parseRegistrationResponse(input.response);
  if (!response) throw new AppError<FinishPasskeyRegistrationError>("REGISTRATION_FAILED");
  const { rpID, origins } = passkeyConfig();

  const { added, emailId } = await db.transaction(async (tx) => {
    const challenge = await takeChallenge(tx, { ownerKey: input.ownerKey, purpose: "register", challenge: signedChallenge(response), now });
    if (!challenge || challenge.userId !== input.userId) throw new AppError<FinishPasskeyRegistrationError>("REGISTRATION_FAILED");
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origins,
      expectedRPID: rpID,
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) throw new AppError<FinishPasskeyRegistrationError>("REGISTRATION_FAILED");

    const [held] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, input.userId));
    if ((held?.n ?? 0) >= maxPasskeys) throw new AppError<FinishPasskeyRegistrationError>("TOO_MANY_PASSKEYS", { max: maxPasskeys });
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    const [added] = await tx
      .insert(passkeys)
      .values({
        userId: input.userId,
        credentialId: credential.id,
        publicKey: toBase64Url(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        createdAt: now,
      })
      // excludeCredentials asks the browser not to offer a registered authenticator; this is the guarantee.
      .onConflictDoNothing({ target: passkeys.credentialId })
      .returning({ id: passkeys.id, name: passkeys.name });
    if (!added) throw new AppError<FinishPasskeyRegistrationError>("ALREADY_REGISTERED");
    await recordEvent({ type: "passkey_added", userId: input.userId, method: "passkey", detail: credentialDeviceType, at: now }, tx);
    return { added, emailId: await queueMethodEmail(tx, { userId: input.userId, change: "added", method: "passkey", name, now }) };
  });
  if (emailId) await sendQueued(emailId, now);
  return added;
}
