// Sign-up by emailed code. Pure: no I/O. The code follows the sign-in code rules (code-policy.ts): six digits from the
// CSPRNG, ten minutes, five tries.
export { codeTtlMs as signUpCodeTtlMs, maxTriesPerCode as maxTriesPerSignUpCode, resendCooldownMs } from "@/lib/two-step/code-policy";

export const signUpWindowMs = 60 * 60_000;
/** Emails one address receives from sign-ups in an hour, whoever asks: more are dropped silently (no mail bombing). */
export const signUpEmailsPerAddress = 5;
/** Codes tried against one address in a day, across all its requests and from anywhere: NIST's cap of 100 failures. */
export const signUpTriesPerAddress = 20;
export const signUpTriesWindowMs = 24 * 60 * 60_000;
/** A request's emails, the first included; then the form has to be filled in again. */
export const maxSignUpSends = 3;

/** A code typed with spaces or dashes ("123 456") is still the code. */
export const normalizeSignUpCode = (code: string) => code.replace(/[\s-]/g, "");
