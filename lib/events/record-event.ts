import { db as appDb, type DB } from "@/db";
import { events } from "@/db/schema";

export type EventType =
  | "enrollment_started"
  | "phone_verified"
  | "device_trusted"
  | "key_confirmed"
  | "two_step_enabled"
  | "two_step_disabled"
  | "challenge_sent"
  | "challenge_passed"
  | "challenge_failed"
  | "challenge_denied"
  | "device_revoked"
  | "sms_sent"
  | "sms_failed";

/** Appends an analytics event; pass the caller's transaction so the event commits (or not) with the change. */
export async function recordEvent(
  event: { type: EventType; userId?: string | null; countryCode?: string | null; method?: string | null; detail?: string | null; at?: Date },
  tx: Pick<DB, "insert"> = appDb,
) {
  await tx.insert(events).values({ ...event, at: event.at ?? new Date() });
}
