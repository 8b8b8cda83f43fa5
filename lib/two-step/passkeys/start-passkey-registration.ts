import { generateRegistrationOptions } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { passkeys, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { passkeyConfig } from "./passkey-config";
import { ceremonyTtlMs, saveChallenge } from "./webauthn-challenges";

export type StartPasskeyRegistrationError = "TOO_MANY_PASSKEYS";

// Bounds the allow-list every sign-in sends to the browser; far more than anyone carries.
export const maxPasskeys = 20;

/**
 * Options for navigator.credentials.create(): a discoverable credential when the authenticator can hold one (so it
 * can sign in without an email), user verification required (the passkey is then something you have *and* know or
 * are), and the account's existing credentials excluded so one authenticator is not registered twice.
 * The user handle is the account's uuid bytes: never the email, which the authenticator would keep.
 */
export async function startPasskeyRegistration({ userId, ownerKey, now = new Date() }: { userId: string; ownerKey: string; now?: Date }) {
  const { rpID, rpName } = passkeyConfig();
  const [[user], existing] = await Promise.all([
    db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)),
    db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, userId)),
  ]);
  if (!user) throw new AppError("NOT_FOUND");
  if (existing.length >= maxPasskeys) throw new AppError<StartPasskeyRegistrationError>("TOO_MANY_PASSKEYS", { max: maxPasskeys });
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userID: uuidBytes(userId),
    userDisplayName: user.name,
    attestationType: "none",
    excludeCredentials: existing,
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
    timeout: ceremonyTtlMs,
  });
  await saveChallenge({ ownerKey, userId, purpose: "register", challenge: options.challenge, now });
  return options;
}

const uuidBytes = (uuid: string) => new Uint8Array(Buffer.from(uuid.replace(/-/g, ""), "hex"));

