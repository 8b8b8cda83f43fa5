import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { safeErrorMessage } from "@/lib/messaging/safe-error-message";

type Admin = { id: string; name: string; email: string };

/**
 * Emails each admin, other than `requesterId`, who `couldDecide` what was asked (a launch, a role), inside the
 * request's transaction: the emails commit with the request or not at all. Admins without 2SV cannot open the console
 * and are left out. Returns the outbox ids, to send after the commit.
 */
export async function queueAdminEmails(
  tx: Tx,
  { requesterId, couldDecide, subject, body, about, now }: { requesterId: string; couldDecide: (admin: Admin) => Promise<boolean>; subject: string; body: (admin: Admin) => string[]; about: string; now: Date },
) {
  const admins = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), isNotNull(users.twoStepEnabledAt), ne(users.id, requesterId)));
  const ids: string[] = [];
  for (const admin of admins) {
    if (!(await couldDecide(admin))) continue;
    try {
      const queued = await enqueueMessage({ channel: "email", recipient: admin.email, userId: admin.id, subject, body: body(admin).join("\n") }, { db: tx, now });
      ids.push(queued.id);
    } catch (error) {
      // One message the outbox refuses (INVALID_MESSAGE, before any write) must not hold back the request, nor the
      // other admins' emails. A database error aborts the transaction: that one goes up.
      if (!(error instanceof AppError)) throw error;
      console.error(`[staff] email about ${about} not queued: ${safeErrorMessage(error)}`);
    }
  }
  return ids;
}
