import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { trustedPhones } from "@/db/schema";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const hour = 60 * 60_000;
/** Texts one number not verified yet can receive in a day, whichever accounts ask. */
export const setupTextsPerNumberPerDay = 10;

/**
 * Texts to a number nobody has verified yet (the phone step) are how SMS pumping works: whoever asks chooses the
 * number, premium ones included, and opens accounts to ask again. Besides each account's own cap (10 sends an hour),
 * such a number gets at most `setupTextsPerNumberPerDay` a day and a client IP `PHONE_SETUP_IP_LIMIT` an hour, across
 * all accounts. Refused as RESEND_TOO_SOON with the time to try again, as the account's own cap is.
 *
 * Checked before issueChallenge's transaction (the counters are statements of their own), counted only once a text
 * is really going out (the returned `count`): requests the account's cooldown or cap refuse must not use up a
 * number's day, or anyone could keep a number from being set up. Concurrent sends may pass one check together;
 * each account's cooldown keeps that to a few.
 */
export async function limitSetupTexts({ userId, phoneId, ip, now = new Date() }: { userId: string; phoneId: string; ip: string | null; now?: Date }) {
  const [phone] = await db
    .select({ e164: trustedPhones.e164, verifiedAt: trustedPhones.verifiedAt })
    .from(trustedPhones)
    .where(and(eq(trustedPhones.id, phoneId), eq(trustedPhones.userId, userId)));
  // An unknown phone is refused by issueChallenge itself; a verified one is the owner's and needs no more than its cap.
  if (!phone || phone.verifiedAt) return null;
  const limits = [
    { key: `setup-text:number:${phone.e164}`, windowMs: 24 * hour, limit: setupTextsPerNumberPerDay },
    ...(ip ? [{ key: `setup-text:ip:${ip}`, windowMs: hour, limit: env().PHONE_SETUP_IP_LIMIT }] : []),
  ];
  const states = await Promise.all(limits.map(({ key }) => peekRateLimit({ key, now })));
  const full = states.find((state, i) => state.hits >= limits[i]!.limit);
  if (full) throw new AppError("RESEND_TOO_SOON", { retryAt: full.resetAt.toISOString() });
  return { count: () => Promise.all(limits.map(({ key, windowMs }) => hitRateLimit({ key, windowMs, now }))) };
}
