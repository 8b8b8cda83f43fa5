import type { ChallengePurpose } from "@/db/schema";
import type { RequestContext } from "./issue-challenge";
import { verifyPasskeyAssertion } from "./passkeys/verify-passkey-assertion";
import { verifyChallenge } from "./verify-challenge";
import { verifyHeldCode } from "./verify-held-code";

/** What the second-step form proved with: a sent code, a code the owner holds, or a passkey's signed answer. */
export type SecondFactorProof =
  | { method: "sent"; challengeId: string; code: string }
  | { method: "totp" | "backup_code"; code: string }
  | { method: "passkey"; response: unknown };

/** Reads <CodeChallenge>'s fields; null when the code (or the passkey's answer) is missing. */
export function readSecondFactorProof(formData: FormData): SecondFactorProof | null {
  const method = String(formData.get("method") ?? "sent");
  const code = String(formData.get("code") ?? "").trim();
  if (method === "passkey") {
    try {
      return { method, response: JSON.parse(String(formData.get("passkeyResponse") ?? "")) };
    } catch {
      return null;
    }
  }
  if (!code) return null;
  if (method === "totp" || method === "backup_code") return { method, code };
  return { method: "sent", challengeId: String(formData.get("challengeId") ?? ""), code };
}

/**
 * One check for every method, with the same consequences: each verifier counts failures against the account,
 * clears them on success, records the outcome by method and remembers the method for next time.
 */
export async function checkSecondFactor(input: {
  userId: string;
  sessionId: string;
  purpose: Extract<ChallengePurpose, "sign_in" | "step_up">;
  proof: SecondFactorProof;
  request?: RequestContext;
  now?: Date;
}) {
  const { proof, userId, sessionId, purpose, now } = input;
  switch (proof.method) {
    case "sent":
      // The challenge is bound to this session, hence to this account.
      await verifyChallenge({ challengeId: proof.challengeId, sessionId, purpose, code: proof.code, now });
      return;
    case "passkey":
      await verifyPasskeyAssertion({ ownerKey: sessionId, purpose, userId, response: proof.response, now });
      return;
    default:
      await verifyHeldCode({ userId, purpose, method: proof.method, code: proof.code, sessionId, request: input.request, now });
  }
}
