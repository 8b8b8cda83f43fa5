import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { challenges } from "@/db/schema";
import { recordEvent } from "@/lib/events/record-event";
import { isOpenChallenge } from "../open-challenge";

/**
 * "Don't allow" on a trusted device: the attempt's pushed code stops working at once (verifyChallenge answers
 * DENIED) and its sealed copy is erased. Only an open device challenge of the same account can be denied; returns
 * false when there is nothing (left) to deny.
 */
export async function denyChallenge({ userId, challengeId, now = new Date() }: { userId: string; challengeId: string; now?: Date }) {
  if (!z.uuid().safeParse(challengeId).success) return false;
  return db.transaction(async (tx) => {
    const [denied] = await tx
      .update(challenges)
      .set({ deniedAt: now, sealedCode: null })
      .where(
        and(
          eq(challenges.id, challengeId),
          eq(challenges.userId, userId),
          eq(challenges.method, "device"),
          isOpenChallenge(now),
        ),
      )
      .returning({ purpose: challenges.purpose });
    if (!denied) return false;
    await recordEvent({ type: "challenge_denied", userId, method: "device", detail: denied.purpose, at: now }, tx);
    return true;
  });
}
