import { and, count, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { db } from "@/db";
import { trustedDevices, trustedPhones, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

export type RemoveTrustedDeviceError = "NOT_FOUND" | "LAST_FACTOR";

/**
 * Stops trusting one browser (no more pushed codes, no more skipped second step). Callers require a fresh step-up
 * ("devices") first. With 2SV on, the last trusted phone or device cannot be removed: the account would be left
 * with no way to receive a code.
 */
export async function removeTrustedDevice({ userId, deviceId, now = new Date() }: { userId: string; deviceId: string; now?: Date }) {
  if (!/^[0-9a-f-]{36}$/i.test(deviceId)) throw new AppError<RemoveTrustedDeviceError>("NOT_FOUND");
  return db.transaction(async (tx) => {
    // Lock the account row so two concurrent removals cannot each believe the other factor survives.
    const [user] = await tx.select({ twoStepEnabledAt: users.twoStepEnabledAt }).from(users).where(eq(users.id, userId)).for("update");
    const [device] = await tx
      .select({ id: trustedDevices.id, label: trustedDevices.label })
      .from(trustedDevices)
      .where(and(eq(trustedDevices.id, deviceId), eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)));
    if (!user || !device) throw new AppError<RemoveTrustedDeviceError>("NOT_FOUND");

    if (user.twoStepEnabledAt) {
      const [devices] = await tx
        .select({ n: count() })
        .from(trustedDevices)
        .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt), eq(trustedDevices.receivesCodes, true), ne(trustedDevices.id, deviceId)));
      const [phones] = await tx
        .select({ n: count() })
        .from(trustedPhones)
        .where(and(eq(trustedPhones.userId, userId), isNotNull(trustedPhones.verifiedAt), isNull(trustedPhones.removedAt)));
      if ((devices?.n ?? 0) + (phones?.n ?? 0) === 0) throw new AppError<RemoveTrustedDeviceError>("LAST_FACTOR");
    }

    await tx.update(trustedDevices).set({ revokedAt: now, rememberUntil: null }).where(eq(trustedDevices.id, device.id));
    await recordEvent({ type: "device_revoked", userId, method: "device", at: now }, tx);
    return device;
  });
}
