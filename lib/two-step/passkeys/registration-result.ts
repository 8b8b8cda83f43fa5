import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors";

/** Message keys (namespace "passkeyForm") for what can stop a passkey from being added. */
export type AddPasskeyErrorKey = "nameRequired" | "nameTooLong" | "tooMany" | "alreadyRegistered" | "cancelled" | "unsupported" | "failed";

/** What the "start" server action of <AddPasskeyForm> returns: the options for the browser, or why not. */
export type PasskeyRegistrationStart = { options: PublicKeyCredentialCreationOptionsJSON } | { error: AddPasskeyErrorKey };
/** What its "finish" server action returns: the stored name, or why not. */
export type PasskeyRegistrationFinish = { added: string } | { error: AddPasskeyErrorKey };

const keys: Record<string, AddPasskeyErrorKey> = {
  NAME_REQUIRED: "nameRequired",
  NAME_TOO_LONG: "nameTooLong",
  TOO_MANY_PASSKEYS: "tooMany",
  ALREADY_REGISTERED: "alreadyRegistered",
};

/** For the server actions: a domain refusal becomes its message key; anything else is a bug and propagates. */
export function registrationErrorKey(error: unknown): AddPasskeyErrorKey {
  if (!(error instanceof AppError)) throw error;
  return keys[error.code] ?? "failed";
}
