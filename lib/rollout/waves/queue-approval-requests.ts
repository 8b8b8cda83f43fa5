import { asc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { countries, waveCountries, type Wave } from "@/db/schema";
import { appLink } from "@/lib/account-changes/compose-notice";
import { actorLabel } from "@/lib/audit/record-audit";
import { queueAdminEmails } from "@/lib/staff/queue-admin-emails";
import { plainText } from "@/lib/validation/plain-text";
import { couldApprove } from "./could-approve";
import type { StaffActor } from "./staff-actor";

/**
 * Emails every admin who could approve `wave` (as it stands once requested) that it waits for them, inside the
 * request's transaction: the emails commit with the request or not at all. Admins without 2SV cannot open the
 * console and are left out. Returns the outbox ids, to send after the commit.
 */
export async function queueApprovalRequests(tx: Tx, { wave, requester, now }: { wave: Wave; requester: StaffActor; now: Date }) {
  const planned = await tx
    .select({ name: countries.name })
    .from(waveCountries)
    .innerJoin(countries, eq(countries.code, waveCountries.countryCode))
    .where(eq(waveCountries.waveId, wave.id))
    .orderBy(asc(countries.name));
  const name = plainText(wave.name);
  return queueAdminEmails(tx, {
    requesterId: requester.id,
    couldDecide: (admin) => couldApprove(tx, { admin: { id: admin.id, role: "admin" }, wave, now }),
    subject: `${name} is waiting for your approval`,
    body: (admin) => [
      `Hello ${plainText(admin.name)},`,
      "",
      `${plainText(actorLabel(requester))} asked to launch ${name} in ${planned.map((c) => c.name).join(", ")}.`,
      "",
      "Read the plan and its impact, then approve or reject it in the staff console:",
      appLink(`/admin/waves/${wave.id}`),
      "",
      "You get this email because you are an admin independent of the requester; any one of you can decide.",
    ],
    about: `wave ${wave.id}`,
    now,
  });
}
