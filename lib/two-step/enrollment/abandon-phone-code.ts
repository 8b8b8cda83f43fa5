import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { challenges } from "@/db/schema";

/**
 * "Use a different number": the code texted to `phoneId` for this session stops working, so the phone form does not
 * come back to it on the next load (findPendingPhoneCode).
 */
export async function abandonPhoneCode({ userId, sessionId, phoneId, now = new Date() }: { userId: string; sessionId: string; phoneId: string; now?: Date }) {
  await db
    .update(challenges)
    .set({ replacedAt: now })
    .where(
      and(
        eq(challenges.userId, userId),
        eq(challenges.sessionId, sessionId),
        eq(challenges.purpose, "enroll_phone"),
        eq(challenges.phoneId, phoneId),
        isNull(challenges.consumedAt),
        isNull(challenges.replacedAt),
      ),
    );
}
