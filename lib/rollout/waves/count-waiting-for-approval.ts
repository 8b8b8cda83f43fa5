import { and, count, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { waves } from "@/db/schema";

/** Launch requests an admin could decide: pending approval and asked for by someone else. */
export async function countWaitingForApproval(adminId: string) {
  const [row] = await db
    .select({ waiting: count() })
    .from(waves)
    .where(and(eq(waves.status, "pending_approval"), ne(waves.requestedBy, adminId)));
  return row?.waiting ?? 0;
}
