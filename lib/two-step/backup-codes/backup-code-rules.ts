import { randomInt } from "node:crypto";

// Look-up secrets (NIST SP 800-63B rev 4 §3.1.2): ten per batch, each 10 characters from 31 unambiguous ones
// (no 0/o, 1/l/i) ≈ 49.5 bits from the CSPRNG; the account's failure limit applies to them like to any code.
export const backupCodesPerBatch = 10;
export const lowBackupCodes = 3;
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
const length = 10;

/** "k7m2q-x9hfd": grouped for reading aloud and typing. */
export function newBackupCode(): string {
  const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What the owner typed, as stored: case, spaces and dashes ignored; null when it cannot be a backup code. */
export function normaliseBackupCode(typed: string): string | null {
  const chars = typed.toLowerCase().replace(/[\s-]/g, "");
  return chars.length === length && [...chars].every((c) => alphabet.includes(c)) ? chars : null;
}
