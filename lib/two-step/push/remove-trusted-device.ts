import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { trustedDevices, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import { sendQueued } from "@/lib/messaging/send-queued";
import { countFactors } from "@/lib/two-step/enrollment/count-factors";
import { ownerColumns, queueMethodEmail } from "@/lib/two-step/notify-method-change";

export type RemoveTrustedDeviceError = "NOT_FOUND" | "LAST_FACTOR";

/**
 * Stops trusting one browser (no more pushed codes, no more skipped second step). Callers require a fresh step-up
 * ("devices") first. With 2SV on, the account's last working second factor cannot be removed (the same rule as
 * phones, authenticator apps and passkeys, countFactors): it would be left with no way to prove the second step.
 * With 2SV on the owner is emailed, naming the browser, as for every other factor removed.
 */
export async function removeTrustedDevice({ userId, deviceId, now = new Date() }: { userId: string; deviceId: string; now?: Date }) {
  if (!/^[0-9a-f-]{36}$/i.test(deviceId)) throw new AppError<RemoveTrustedDeviceError>("NOT_FOUND");
  const { device, emailId } = await db.transaction(async (tx) => {
    // Lock the account row so two concurrent removals cannot each believe the other factor survives.
    const [user] = await tx.select(ownerColumns).from(users).where(eq(users.id, userId)).for("update");
    const [device] = await tx
      .select({ id: trustedDevices.id, label: trustedDevices.label, userAgent: trustedDevices.userAgent })
      .from(trustedDevices)
      .where(and(eq(trustedDevices.id, deviceId), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)));
    if (!user || !device) throw new AppError<RemoveTrustedDeviceError>("NOT_FOUND");

    if (user.twoStepEnabledAt && (await countFactors({ userId, exceptDeviceId: deviceId }, tx)).total === 0) {
      throw new AppError<RemoveTrustedDeviceError>("LAST_FACTOR");
    }

    await tx.update(trustedDevices).set({ revokedAt: now, rememberUntil: null }).where(eq(trustedDevices.id, device.id));
    await recordEvent({ type: "device_revoked", userId, method: "device", at: now }, tx);
    return { device, emailId: await queueMethodEmail(tx, { userId, owner: user, change: "removed", method: "trusted_device", browser: device, now }) };
  });
  if (emailId) await sendQueued(emailId, now);
  return device;
}
