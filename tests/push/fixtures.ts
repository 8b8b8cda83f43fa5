import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { challenges, trustedDevices, users, type User } from "@/db/schema";
import { createSession, findActiveSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { trustDevice } from "@/lib/two-step/trusted-devices";

process.env.AUTH_SECRET ??= "push-tests-secret-push-tests-secret-000";

export const chromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
export const firefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

let counter = 0;

/** A 2SV account (no argon2 work: these tests never check a password). */
export async function makeUser({ twoStep = true }: { twoStep?: boolean } = {}): Promise<User> {
  counter += 1;
  const [user] = await db
    .insert(users)
    .values({
      email: `push-${counter}-${randomBytes(4).toString("hex")}@example.com`,
      name: `Push ${counter}`,
      countryCode: "US",
      passwordHash: "x",
      twoStepEnabledAt: twoStep ? new Date(Date.now() - 86_400_000) : null,
    })
    .returning();
  return user!;
}

export const newDeviceToken = () => randomBytes(32).toString("base64url");

/** A trusted browser of `user`: its device cookie value and a signed-in session there (aal 2 unless told). */
export async function trustedBrowser(user: User, { aal = 2 as 1 | 2, receivesCodes = true } = {}) {
  const token = newDeviceToken();
  const device = await trustDevice({ userId: user.id, token, userAgent: firefoxOnLinux });
  if (!receivesCodes) {
    await db.update(trustedDevices).set({ receivesCodes: false }).where(eq(trustedDevices.id, device.id));
  }
  const sessionId = await createSession({ userId: user.id, userAgent: firefoxOnLinux, ip: "198.51.100.7", aal, deviceId: device.id });
  return { token, device, sessionId, current: () => findActiveSession(sessionId) };
}

/** A new browser that passed the password (pending session) and asks for a pushed code. */
export async function pushedCode(
  user: User,
  { now = new Date(), country = "FR" as string | null, ip = "203.0.113.9", purpose = "sign_in" as const, sessionId }: { now?: Date; country?: string | null; ip?: string | null; purpose?: "sign_in" | "step_up"; sessionId?: string } = {},
) {
  const asking = sessionId ?? (await createSession({ userId: user.id, userAgent: chromeOnWindows, ip, aal: 1 }));
  const issued = await issueChallenge({
    userId: user.id,
    sessionId: asking,
    purpose,
    method: "device",
    request: { ip, country, userAgent: chromeOnWindows },
    now,
  });
  return { sessionId: asking, challengeId: issued.challengeId };
}

export async function challengeRow(id: string) {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id));
  return row!;
}

export async function errorCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "no error";
}

export const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
