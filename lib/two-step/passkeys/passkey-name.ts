import { AppError } from "@/lib/errors";

export const maxPasskeyNameLength = 60;
export type PasskeyNameError = "NAME_REQUIRED" | "NAME_TOO_LONG";

/** The owner's label for a passkey ("Work laptop"), on one line; refused when empty or over 60 characters. */
export function normalisePasskeyName(raw: unknown): string {
  const name = String(raw ?? "").replace(/[\s\p{Cc}]+/gu, " ").trim();
  if (!name) throw new AppError<PasskeyNameError>("NAME_REQUIRED");
  if ([...name].length > maxPasskeyNameLength) throw new AppError<PasskeyNameError>("NAME_TOO_LONG", { max: maxPasskeyNameLength });
  return name;
}
