import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { waves } from "@/db/schema";
import { couldApprove } from "./could-approve";

/** Launch requests waiting for this admin: pending, asked for by someone else, and theirs to approve (couldApprove). */
export async function countWaitingForApproval(adminId: string, now = new Date()) {
  const pending = await db
    .select()
    .from(waves)
    .where(and(eq(waves.status, "pending_approval"), ne(waves.requestedBy, adminId)));
  let waiting = 0;
  for (const wave of pending) if (await couldApprove(db, { admin: { id: adminId, role: "admin" }, wave, now })) waiting++;
  return waiting;
}
