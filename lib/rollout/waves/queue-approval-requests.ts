import { and, asc, eq, isNotNull, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { countries, users, waveCountries, type Wave } from "@/db/schema";
import { appLink } from "@/lib/account-changes/compose-notice";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { isAppointedBy } from "@/lib/staff/appointed-by";
import type { StaffActor } from "./staff-actor";

/**
 * Emails every admin who could approve `wave` that it waits for them, inside the request's transaction (the emails
 * commit with the request or not at all). Could approve: an admin with 2SV (the console needs it) who is not the
 * requester and owes them no appointment either way, the same rule approveWave holds. Returns the outbox ids, to
 * send after the commit.
 */
export async function queueApprovalRequests(tx: Tx, { wave, requester, now }: { wave: Pick<Wave, "id" | "name">; requester: StaffActor; now: Date }) {
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
  const ids: string[] = [];
  for (const admin of admins) {
    if (await isAppointedBy(tx, { staffId: admin.id, requesterId: requester.id })) continue;
    if (await isAppointedBy(tx, { staffId: requester.id, requesterId: admin.id })) continue;
    const queued = await enqueueMessage(
      {
        channel: "email",
        recipient: admin.email,
        userId: admin.id,
        subject: `${wave.name} is waiting for your approval`,
        body: [
          `Hello ${admin.name},`,
          "",
          `${requester.name} (${requester.email}) asked to launch ${wave.name} in ${planned.map((c) => c.name).join(", ") || "no country yet"}.`,
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
  }
  return ids;
}
