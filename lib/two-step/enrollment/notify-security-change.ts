import type { DB } from "@/db";
import type { User } from "@/db/schema";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { composeSecurityEmail, type SecurityEmailKind } from "./security-email";

/**
 * Queues the owner's notification inside the change's transaction (the outbox row commits with the change or not
 * at all). Call `sendQueued` (lib/messaging) with the id after the commit; the outbox worker retries what fails.
 */
export async function queueSecurityEmail(
  tx: DB,
  { user, kind, values, now }: { user: Pick<User, "id" | "email" | "name" | "locale">; kind: SecurityEmailKind; values?: Record<string, string>; now: Date },
) {
  const email = composeSecurityEmail({ kind, name: user.name, locale: user.locale, values });
  const queued = await enqueueMessage({ channel: "email", recipient: user.email, userId: user.id, ...email }, { db: tx, now });
  return queued.id;
}
