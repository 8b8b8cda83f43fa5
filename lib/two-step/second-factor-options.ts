import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db";
import { countries, trustedDevices, trustedPhones } from "@/db/schema";
import { hashToken } from "@/lib/crypto/secrets";
import { maskPhone } from "./mask-phone";

export interface SecondFactorOption {
  /** "sms:<phone id>" or "device" */
  value: string;
  kind: "sms" | "device";
  label: string;
}

/** The ways this account can receive a code now: verified phones whose carriers we reach, and trusted browsers. */
export async function listSecondFactorOptions(
  userId: string,
  // Step-up from a trusted browser: a code pushed to the very browser asking proves nothing, so it is not offered.
  { exceptDeviceToken }: { exceptDeviceToken?: string | null } = {},
): Promise<SecondFactorOption[]> {
  const [phones, devices] = await Promise.all([
    db
      .select({ id: trustedPhones.id, e164: trustedPhones.e164, sms: countries.smsSupported })
      .from(trustedPhones)
      .innerJoin(countries, eq(countries.code, trustedPhones.countryCode))
      .where(and(eq(trustedPhones.userId, userId), isNotNull(trustedPhones.verifiedAt), isNull(trustedPhones.removedAt))),
    db
      .select({ id: trustedDevices.id, tokenHash: trustedDevices.tokenHash })
      .from(trustedDevices)
      .where(and(eq(trustedDevices.userId, userId), eq(trustedDevices.receivesCodes, true), isNull(trustedDevices.revokedAt))),
  ]);
  const options: SecondFactorOption[] = phones
    .filter((p) => p.sms)
    .map((p) => ({ value: `sms:${p.id}`, kind: "sms" as const, label: maskPhone(p.e164) }));
  const except = exceptDeviceToken ? hashToken(exceptDeviceToken) : null;
  const receivers = devices.filter((d) => d.tokenHash !== except);
  if (receivers.length) options.push({ value: "device", kind: "device", label: String(receivers.length) });
  return options;
}

/** "sms:<uuid>" → { method: "sms", phoneId }, "device" → { method: "device" }; anything else → null. */
export function parseSecondFactorChoice(value: unknown): { method: "sms" | "device"; phoneId?: string } | null {
  if (value === "device") return { method: "device" };
  if (typeof value === "string" && /^sms:[0-9a-f-]{36}$/.test(value)) return { method: "sms", phoneId: value.slice(4) };
  return null;
}
