import { z } from "zod";

/** Serial ids are Postgres integers: a larger number names no record, and Postgres would refuse to compare it. */
const maxSerial = 2_147_483_647;

export const recordIdSchema = z.coerce.number().int().min(1).max(maxSerial);

/** A record id from a URL or form, or null when the text cannot name one. */
export function parseRecordId(value: unknown): number | null {
  const parsed = recordIdSchema.safeParse(typeof value === "string" ? value.trim() || undefined : value);
  return parsed.success ? parsed.data : null;
}
