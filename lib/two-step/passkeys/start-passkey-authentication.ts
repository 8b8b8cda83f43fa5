import { generateAuthenticationOptions } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { passkeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { passkeyConfig } from "./passkey-config";
import type { AssertionPurpose } from "./verify-passkey-assertion";
import { ceremonyTtlMs, saveChallenge } from "./webauthn-challenges";

export type StartPasskeyAuthenticationError = "NO_PASSKEY";

type Input =
  | { ownerKey: string; purpose: Exclude<AssertionPurpose, "passwordless">; userId: string; now?: Date }
  // Nobody is signed in yet: any discoverable passkey for this site may answer, and names its account.
  | { ownerKey: string; purpose: "passwordless"; userId?: undefined; now?: Date };

/**
 * Options for navigator.credentials.get(), with a fresh challenge stored for `ownerKey` (the session id, or the
 * passwordless attempt's cookie) and this purpose. After a password the browser is offered only the account's own
 * passkeys; an account with none has nothing to offer.
 */
export async function startPasskeyAuthentication(input: Input) {
  const now = input.now ?? new Date();
  const { rpID } = passkeyConfig();
  const allow = input.userId
    ? await db.select({ id: passkeys.credentialId, transports: passkeys.transports }).from(passkeys).where(eq(passkeys.userId, input.userId))
    : [];
  if (input.userId && !allow.length) throw new AppError<StartPasskeyAuthenticationError>("NO_PASSKEY");
  const options = await generateAuthenticationOptions({ rpID, allowCredentials: allow, userVerification: "required", timeout: ceremonyTtlMs });
  await saveChallenge({ ownerKey: input.ownerKey, userId: input.userId ?? null, purpose: input.purpose, challenge: options.challenge, now });
  return options;
}
