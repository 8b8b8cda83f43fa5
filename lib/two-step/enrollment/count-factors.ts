import { and, eq, isNotNull, isNull, ne } from "drizzle-orm";
import { db as appDb, type DB } from "@/db";
import { authenticatorApps, backupCodes, countries, passkeys, trustedDevices, trustedPhones } from "@/db/schema";

export interface FactorCount {
  phones: number;
  devices: number;
  apps: number;
  passkeys: number;
  /** Unused backup codes; together they count as one factor. */
  backupCodes: number;
  total: number;
}

/**
 * The account's working second factors: verified phones our carriers reach, trusted browsers that receive codes,
 * a confirmed authenticator app, passkeys, and unused backup codes (one factor however many are left). 2SV needs at
 * least one at all times; `except*` answers "what would be left after removing this one". The SQL function
 * stepwise_lockout_risk (migration 0004) applies the same rule.
 */
export async function countFactors(
  {
    userId,
    exceptPhoneId,
    exceptDeviceId,
    exceptPasskeyId,
    exceptApp,
  }: { userId: string; exceptPhoneId?: string; exceptDeviceId?: string; exceptPasskeyId?: string; exceptApp?: boolean },
  reader: Pick<DB, "select"> = appDb,
): Promise<FactorCount> {
  const [phones, devices, apps, keys, codes] = await Promise.all([
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
    exceptApp
      ? Promise.resolve([])
      : reader.select({ id: authenticatorApps.id }).from(authenticatorApps).where(and(eq(authenticatorApps.userId, userId), isNotNull(authenticatorApps.confirmedAt))),
    reader
      .select({ id: passkeys.id })
      .from(passkeys)
      .where(and(eq(passkeys.userId, userId), exceptPasskeyId ? ne(passkeys.id, exceptPasskeyId) : undefined)),
    reader.select({ id: backupCodes.id }).from(backupCodes).where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt))),
  ]);
  const total = phones.length + devices.length + apps.length + keys.length + Math.min(codes.length, 1);
  return { phones: phones.length, devices: devices.length, apps: apps.length, passkeys: keys.length, backupCodes: codes.length, total };
}

/**
 * How an account enrolled, for the dashboard's method mix: the strongest factor it set up (passkey, then app), else
 * the sent-code channels it uses ("sms", "device" or both). Pure.
 */
export function enrollmentMethod(f: Pick<FactorCount, "phones" | "devices" | "apps" | "passkeys">) {
  if (f.passkeys) return "passkey";
  if (f.apps) return "totp";
  return f.phones ? (f.devices ? "sms+device" : "sms") : "device";
}
