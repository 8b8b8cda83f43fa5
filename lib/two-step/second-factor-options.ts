import { and, count, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { authenticatorApps, backupCodes, countries, passkeys, trustedDevices, trustedPhones, users, type SecondFactorMethod } from "@/db/schema";
import { hashToken } from "@/lib/crypto/secrets";
import { maskPhone } from "./mask-phone";

export interface SecondFactorOption {
  /** "sms:<phone id>", "device", "totp", "passkey" or "backup_code" — also what users.last_second_factor holds. */
  value: string;
  kind: SecondFactorMethod;
  /** The masked phone; for devices, passkeys and backup codes how many there are. */
  label: string;
}

// Without a remembered choice: the strongest first (a passkey resists phishing; SMS is "restricted", SP 800-63B §3.1.3.3).
const strength: Record<SecondFactorMethod, number> = { passkey: 0, totp: 1, sms: 2, device: 3, backup_code: 4 };

/**
 * Every way this account can pass the second step now: passkeys, its authenticator app, trusted browsers, verified
 * phones our carriers reach, and backup codes — the one that worked last time first. `kinds` narrows the list
 * (recovery accepts only sent codes).
 */
export async function listSecondFactorOptions(
  userId: string,
  // Step-up from a trusted browser: a code pushed to the very browser asking proves nothing, so it is not offered.
  { exceptDeviceToken, kinds }: { exceptDeviceToken?: string | null; kinds?: SecondFactorMethod[] } = {},
): Promise<SecondFactorOption[]> {
  const [phones, devices, [app], [keys], [codes], [account]] = await Promise.all([
    db
      .select({ id: trustedPhones.id, e164: trustedPhones.e164, sms: countries.smsSupported })
      .from(trustedPhones)
      .innerJoin(countries, eq(countries.code, trustedPhones.countryCode))
      .where(and(eq(trustedPhones.userId, userId), isNotNull(trustedPhones.verifiedAt), isNull(trustedPhones.removedAt))),
    db
      .select({ id: trustedDevices.id, tokenHash: trustedDevices.tokenHash })
      .from(trustedDevices)
      .where(and(eq(trustedDevices.userId, userId), eq(trustedDevices.receivesCodes, true), isNull(trustedDevices.revokedAt))),
    db.select({ n: count() }).from(authenticatorApps).where(and(eq(authenticatorApps.userId, userId), isNotNull(authenticatorApps.confirmedAt))),
    db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId)),
    db.select({ n: count() }).from(backupCodes).where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt))),
    db.select({ last: users.lastSecondFactor }).from(users).where(eq(users.id, userId)),
  ]);
  const options: SecondFactorOption[] = phones.filter((p) => p.sms).map((p) => ({ value: `sms:${p.id}`, kind: "sms", label: maskPhone(p.e164) }));
  const except = exceptDeviceToken ? hashToken(exceptDeviceToken) : null;
  const receivers = devices.filter((d) => d.tokenHash !== except);
  if (receivers.length) options.push({ value: "device", kind: "device", label: String(receivers.length) });
  if (app?.n) options.push({ value: "totp", kind: "totp", label: "" });
  if (keys?.n) options.push({ value: "passkey", kind: "passkey", label: String(keys.n) });
  if (codes?.n) options.push({ value: "backup_code", kind: "backup_code", label: String(codes.n) });
  return orderOptions(
    options.filter((o) => !kinds || kinds.includes(o.kind)),
    account?.last ?? null,
  );
}

// Recovery pairs the Recovery Key with a code: sent, from the authenticator app, or a backup code. (A passkey
// needs no recovery: it signs in without the password.)
export const recoveryKinds: SecondFactorMethod[] = ["sms", "device", "totp", "backup_code"];

/** The remembered choice first, then the strongest; stable otherwise (phones keep their order). Pure. */
export function orderOptions(options: SecondFactorOption[], last: string | null) {
  const rank = (o: SecondFactorOption) => (o.value === last ? -1 : strength[o.kind]);
  return [...options].sort((a, b) => rank(a) - rank(b));
}

/** "sms:<uuid>" → { method: "sms", phoneId }, "device" → { method: "device" }; anything else → null. */
export function parseSecondFactorChoice(value: unknown): { method: "sms" | "device"; phoneId?: string } | null {
  if (value === "device") return { method: "device" };
  if (typeof value === "string" && value.startsWith("sms:") && z.uuid().safeParse(value.slice(4)).success) return { method: "sms", phoneId: value.slice(4) };
  return null;
}
