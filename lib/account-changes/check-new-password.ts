import { findPasswordWeakness, passwordMaxLength, passwordMinLength } from "@/lib/auth/password-policy";

/**
 * The sign-up policy for every new password (change, reset): length 8–128 and not guessable, also from the
 * account's own name and email (NIST SP 800-63B rev 4 §3.1.1.2). Returns a "validation" message key or null.
 */
export function checkNewPassword(password: string, userInputs: string[]): string | null {
  if (!password) return "passwordRequired";
  if (password.length < passwordMinLength) return "passwordTooShort";
  if (password.length > passwordMaxLength) return "passwordTooLong";
  const weakness = findPasswordWeakness(password, userInputs);
  return weakness ? `weak:${weakness}` : null;
}
