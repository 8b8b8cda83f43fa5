"use client";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";

export type PasskeyAssertionPurpose = "sign_in" | "step_up" | "passwordless";

/**
 * Asks the server for a challenge, lets the browser find a passkey and sign it, and returns the signed answer as a
 * JSON string for a server action to verify. Throws Error("cancelled") when the person dismissed the prompt or it
 * timed out (the browser reports both as NotAllowedError), Error("unsupported") without WebAuthn,
 * Error("throttled") after too many passwordless attempts from this network, and Error("failed") otherwise.
 */
export async function getPasskeyAssertion(purpose: PasskeyAssertionPurpose): Promise<string> {
  // Loaded on use: the pages offering a passkey should not all carry the WebAuthn client.
  const { browserSupportsWebAuthn, startAuthentication } = await import("@simplewebauthn/browser");
  if (!browserSupportsWebAuthn()) throw new Error("unsupported");
  const res = await fetch("/api/webauthn/authenticate", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ purpose }),
    cache: "no-store",
  }).catch(() => null);
  if (!res?.ok) throw new Error(res?.status === 429 ? "throttled" : "failed");
  const optionsJSON = (await res.json()) as PublicKeyCredentialRequestOptionsJSON;
  try {
    return JSON.stringify(await startAuthentication({ optionsJSON }));
  } catch (error) {
    throw new Error(passkeyErrorReason(error));
  }
}

/** "cancelled", "unsupported", "already_registered" or "failed", from what the browser threw during a ceremony. */
export function passkeyErrorReason(error: unknown): "cancelled" | "unsupported" | "already_registered" | "failed" {
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError") return "cancelled";
  if (name === "NotSupportedError") return "unsupported";
  // Registration only: the authenticator already holds a credential for this account (excludeCredentials).
  if (name === "InvalidStateError") return "already_registered";
  return "failed";
}
