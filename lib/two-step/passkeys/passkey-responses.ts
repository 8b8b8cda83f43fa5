import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";

// What the browser sends back is untrusted JSON: its shape is checked here, its meaning by @simplewebauthn/server.
// Bounds keep a forged body from making us decode megabytes (real values are well under 2 KB, keys under 1 KB).
const knownTransports = new Set(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);
const isKnownTransport = (name: string) => knownTransports.has(name);
const b64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/);
const common = {
  id: b64url(1400),
  rawId: b64url(1400),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
};

const registrationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(4096),
    attestationObject: b64url(16_384),
    authenticatorData: b64url(16_384).optional(),
    // Stored as the browser sent them and handed back at sign-in: only the names WebAuthn defines (newer ones dropped).
    transports: z.array(z.string().max(32)).max(10).transform((list) => list.filter(isKnownTransport)).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(16_384).optional(),
  }),
});

const authenticationSchema = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(4096),
    authenticatorData: b64url(4096),
    signature: b64url(8192),
    userHandle: b64url(128).optional(),
  }),
});

export const parseRegistrationResponse = (value: unknown) =>
  registrationSchema.safeParse(value).data as RegistrationResponseJSON | undefined;

export const parseAuthenticationResponse = (value: unknown) =>
  authenticationSchema.safeParse(value).data as AuthenticationResponseJSON | undefined;

/** The challenge the authenticator signed over, read from clientDataJSON to find the ceremony it answers. */
export function signedChallenge(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" && /^[A-Za-z0-9_-]{16,128}$/.test(data.challenge) ? data.challenge : null;
  } catch {
    return null;
  }
}

export const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
export const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));
