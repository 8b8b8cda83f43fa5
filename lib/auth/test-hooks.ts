import { eq } from "drizzle-orm";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { currentSession } from "./current-user";

/**
 * Test-only fake clock for sessions (STEPWISE_TEST_HOOKS): moves the CALLING browser's session `hours` into the past
 * — begun, authenticated and last seen that much earlier — as if its owner had walked away from it.
 */
export async function ageSessionForTest(hours: string) {
  const shiftMs = Number(hours) * 3_600_000;
  const current = await currentSession();
  if (!current || !(shiftMs > 0)) return null;
  const back = (at: Date) => new Date(at.getTime() - shiftMs);
  const { session } = current;
  await db
    .update(sessions)
    .set({ createdAt: back(session.createdAt), authenticatedAt: back(session.authenticatedAt), lastSeenAt: back(session.lastSeenAt) })
    .where(eq(sessions.id, session.id));
  return { sessionId: session.id };
}
