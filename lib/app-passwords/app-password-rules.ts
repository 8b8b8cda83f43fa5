import { randomInt } from "node:crypto";

// Apple's format: four groups of four lowercase letters, 26^16 ≈ 2^75 from the CSPRNG.
const letters = "abcdefghijklmnopqrstuvwxyz";
export const maxAppPasswords = 25;

export function newAppPassword(): string {
  const chars = Array.from({ length: 16 }, () => letters[randomInt(letters.length)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** As stored: lowercase, no dashes or spaces; null when it cannot be an app-specific password. */
export function normaliseAppPassword(typed: string): string | null {
  const chars = typed.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z]{16}$/.test(chars) ? chars : null;
}

/** Labels are the owner's own words ("Mail on my iPad"): trimmed, 1–60 characters, no control characters. */
export function normaliseLabel(label: unknown): string | null {
  if (typeof label !== "string") return null;
  const clean = label.replace(/\p{Cc}/gu, "").trim();
  return clean.length >= 1 && clean.length <= 60 ? clean : null;
}
