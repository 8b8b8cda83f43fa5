import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { db } from "@/db";
import { challenges, trustedPhones } from "@/db/schema";
import { maxTriesPerCode } from "../code-policy";
import { isOpenChallenge } from "../open-challenge";

/**
 * The phone this session is verifying while the code texted to it still works (not used, replaced, denied, expired
 * or out of tries), or null. Only the session that asked: another browser of the account starts from the number.
 */
export async function findPendingPhoneCode({ userId, sessionId, now = new Date() }: { userId: string; sessionId: string; now?: Date }) {
  const [row] = await db
    .select({ challengeId: challenges.id, phoneId: trustedPhones.id, e164: trustedPhones.e164, countryCode: trustedPhones.countryCode })
    .from(challenges)
    .innerJoin(trustedPhones, eq(trustedPhones.id, challenges.phoneId))
    .where(
      and(
        eq(challenges.userId, userId),
        eq(challenges.sessionId, sessionId),
        eq(challenges.purpose, "enroll_phone"),
        isOpenChallenge(now),
        lt(challenges.attempts, maxTriesPerCode),
        isNull(trustedPhones.verifiedAt),
        isNull(trustedPhones.removedAt),
      ),
    )
    .orderBy(desc(challenges.createdAt))
    .limit(1);
  return row ?? null;
}
