import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { countries, users, waveCountries, type Wave } from "@/db/schema";
import { appLink } from "@/lib/account-changes/compose-notice";
import { actorLabel } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { safeErrorMessage } from "@/lib/messaging/safe-error-message";
import { plainText } from "@/lib/validation/plain-text";
import { couldApprove } from "./could-approve";
import type { StaffActor } from "./staff-actor";


/**
 * Emails every admin who could approve `wave` (as it stands once requested) that it waits for them, inside the
 * request's transaction: the emails commit with the request or not at all. Admins without 2SV cannot open the
 * console and are left out. Returns the outbox ids, to send after the commit.
 */
export async function queueApprovalRequests(tx: Tx, { wave, requester, now }: { wave: Wave; requester: StaffActor; now: Date }) {
  const [admins, planned] = await Promise.all([
    tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.role, "admin"), isNotNull(users.twoStepEnabledAt), ne(users.id, requester.id))),
    tx
      .select({ name: countries.name })
      .from(waveCountries)
      .innerJoin(countries, eq(countries.code, waveCountries.countryCode))
      .where(eq(waveCountries.waveId, wave.id))
      .orderBy(asc(countries.name)),
  ]);
  const name = plainText(wave.name);
  const asked = plainText(actorLabel(requester));
  const ids: string[] = [];
  for (const admin of admins) {
    if (!(await couldApprove(tx, { admin: { id: admin.id, role: "admin" }, wave, now }))) continue;
    try {
      const queued = await enqueueMessage(
        {
          channel: "email",
          recipient: admin.email,
          userId: admin.id,
          subject: `${name} is waiting for your approval`,
          body: [
            `Hello ${plainText(admin.name)},`,
            "",
            `${asked} asked to launch ${name} in ${planned.map((c) => c.name).join(", ")}.`,
            "",
            "Read the plan and its impact, then approve or reject it in the staff console:",
            appLink(`/admin/waves/${wave.id}`),
            "",
            "You get this email because you are an admin independent of the requester; any one of you can decide.",
          ].join("\n"),
        },
        { db: tx, now },
      );
      ids.push(queued.id);
    } catch (error) {
      // One message the outbox refuses (INVALID_MESSAGE, before any write) must not hold back the request, nor the
      // other approvers' emails. A database error aborts the transaction: that one goes up.
      if (!(error instanceof AppError)) throw error;
      console.error(`[rollout] approval email for wave ${wave.id} not queued: ${safeErrorMessage(error)}`);
    }
  }
  return ids;
}
