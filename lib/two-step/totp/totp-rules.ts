import { generate, generateSecret, generateURI, verify } from "otplib";

// RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30-second steps.
export const totpPeriodSeconds = 30;
// ±1 step (30 s either side) absorbs clock drift and typing time; two steps off is refused.
const toleranceSeconds = totpPeriodSeconds;
// 160 bits, RFC 4226 §4's recommendation and NIST SP 800-63B's floor for OTP keys (≥ 112 bits).
export const totpSecretBytes = 20;

const base = { algorithm: "sha1", digits: 6, period: totpPeriodSeconds } as const;

/** A new Base32 secret from the CSPRNG. */
export const newTotpSecret = () => generateSecret({ length: totpSecretBytes });

/** The otpauth:// address an authenticator app scans from the QR code. */
export const totpUri = ({ secret, account }: { secret: string; account: string }) =>
  generateURI({ ...base, issuer: "Stepwise", label: account, secret });

/** The code an app shows at `at` (tests, and the RFC 6238 vectors). */
export const totpCodeAt = (secret: string | Uint8Array, at: Date, digits: 6 | 8 = 6) =>
  generate({ ...base, digits, secret, epoch: Math.floor(at.getTime() / 1000) });

/**
 * The time step a code belongs to, or null when it matches no step within ±1 of the server's clock — or only a
 * step at or before `afterStep` (already used: a code works once, even while it is still on the app's screen).
 */
export async function matchTotpStep({ secret, code, at, afterStep }: { secret: string; code: string; at: Date; afterStep: number | null }) {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    ...base,
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: toleranceSeconds,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
