import { AppError } from "@/lib/errors";

export interface ChallengeFeedback {
  key: string;
  values?: Record<string, string>;
}

/** Maps issue/verify error codes to "codeChallenge" message keys; unknown errors propagate (they are bugs). */
export function challengeFeedback(error: unknown): ChallengeFeedback {
  if (!(error instanceof AppError)) throw error;
  const retryAt = typeof error.details.retryAt === "string" ? error.details.retryAt : "";
  switch (error.code) {
    case "LOCKED":
      return retryAt ? { key: "locked", values: { retryAt } } : { key: "lockedForGood" };
    case "RESEND_TOO_SOON":
      return { key: "resendTooSoon", values: { retryAt } };
    case "WRONG_CODE":
      return { key: "wrongCode", values: { triesLeft: String(error.details.triesLeft ?? 0) } };
    case "WRONG_HELD_CODE":
      return { key: "wrongHeldCode" };
    case "CODE_USED":
      return { key: "codeUsed" };
    case "NO_AUTHENTICATOR":
      return { key: "noAuthenticator" };
    case "PASSKEY_FAILED":
      return { key: "passkeyFailed" };
    case "TOO_MANY_TRIES":
      return { key: "tooManyTries" };
    case "EXPIRED":
      return { key: "expired" };
    case "DENIED":
      return { key: "denied" };
    case "SMS_UNSUPPORTED":
      return { key: "smsUnsupported" };
    case "NO_TRUSTED_DEVICE":
      return { key: "noTrustedDevice" };
    case "CODE_FORMAT":
      return { key: "codeFormat" };
    default:
      return { key: "notValid" };
  }
}
