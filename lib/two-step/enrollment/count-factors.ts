import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { db as appDb, type DB } from "@/db";
import { countries, trustedDevices, trustedPhones } from "@/db/schema";

/**
 * The account's working second factors: verified phones our carriers reach, and trusted browsers that receive codes.
 * 2SV needs at least one at all times; `except*` answers "what would be left after removing this one".
 */
export async function countFactors(
  { userId, exceptPhoneId, exceptDeviceId }: { userId: string; exceptPhoneId?: string; exceptDeviceId?: string },
  reader: Pick<DB, "select"> = appDb,
) {
  const [phones, devices] = await Promise.all([
    reader
      .select({ id: trustedPhones.id })
      .from(trustedPhones)
      .innerJoin(countries, eq(countries.code, trustedPhones.countryCode))
      .where(
        and(
          eq(trustedPhones.userId, userId),
          isNotNull(trustedPhones.verifiedAt),
          isNull(trustedPhones.removedAt),
          eq(countries.smsSupported, true),
          exceptPhoneId ? ne(trustedPhones.id, exceptPhoneId) : undefined,
        ),
      ),
    reader
      .select({ id: trustedDevices.id })
      .from(trustedDevices)
      .where(
        and(
          eq(trustedDevices.userId, userId),
          eq(trustedDevices.receivesCodes, true),
          isNull(trustedDevices.revokedAt),
          exceptDeviceId ? ne(trustedDevices.id, exceptDeviceId) : undefined,
        ),
      ),
  ]);
  return { phones: phones.length, devices: devices.length, total: phones.length + devices.length };
}
