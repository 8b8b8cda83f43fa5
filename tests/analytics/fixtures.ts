import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { recoveryKeys, trustedDevices, trustedPhones, users } from "@/db/schema";
import { recordEvent } from "@/lib/events/record-event";

export const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);

/** An account created on `day`, with its account_created event, as sign-up records it. */
export async function account(countryCode: string, day: string) {
  const [user] = await db.insert(users).values({ email: `${randomUUID()}@example.com`, name: "Fixture", countryCode, passwordHash: "x", createdAt: at(day, 9) }).returning();
  await recordEvent({ type: "account_created", userId: user!.id, countryCode, at: at(day, 9) });
  return user!;
}

export async function verifyPhone(userId: string, countryCode: string, day: string) {
  const [phone] = await db.insert(trustedPhones).values({ userId, e164: `+1202555${Math.floor(1000 + Math.random() * 8999)}`, countryCode, verifiedAt: at(day) }).returning();
  await recordEvent({ type: "phone_verified", userId, method: "sms", at: at(day) });
  return phone!;
}

export async function removePhone(userId: string, phoneId: string, day: string) {
  await db.update(trustedPhones).set({ removedAt: at(day) }).where(eq(trustedPhones.id, phoneId));
  await recordEvent({ type: "phone_removed", userId, method: "sms", at: at(day) });
}

export async function trustDevice(userId: string, day: string) {
  await db.insert(trustedDevices).values({ userId, tokenHash: randomUUID(), label: "Fixture browser", receivesCodes: true, createdAt: at(day) });
  await recordEvent({ type: "device_trusted", userId, method: "device", at: at(day) });
}

export async function confirmKey(userId: string, day: string) {
  await db.update(recoveryKeys).set({ replacedAt: at(day) }).where(eq(recoveryKeys.userId, userId));
  await db.insert(recoveryKeys).values({ userId, keyHash: "x", confirmedAt: at(day), createdAt: at(day) });
  await recordEvent({ type: "key_confirmed", userId, at: at(day) });
}

export async function enable(userId: string, method: string, day: string) {
  await db.update(users).set({ twoStepEnabledAt: at(day, 13) }).where(eq(users.id, userId));
  await recordEvent({ type: "two_step_enabled", userId, method, at: at(day, 13) });
}

export async function disable(userId: string, day: string) {
  await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, userId));
  await recordEvent({ type: "two_step_disabled", userId, at: at(day, 14) });
}
