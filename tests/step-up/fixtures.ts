import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { challenges, outbox, securityQuestions, trustedPhones, users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import { unsealText } from "@/lib/crypto/secrets";
import { normaliseAnswer } from "@/lib/security-questions/questions";
import { hashRecoveryKey, storeRecoveryKey } from "@/lib/two-step/recovery-key";

// Codes are hashed and sealed with a key derived from this secret.
process.env.AUTH_SECRET ??= "vitest-secret-vitest-secret-vitest-secret";

export const password = "Lantern-Orbit-Meadow-7421";
export const answers = { 1: "Rex", 2: "Rue de la Paix", 3: "Mrs Lovelace" };
export const request = { ip: "192.0.2.10", country: "US", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36" };

let hashed: Promise<string> | undefined;
const passwordHash = () => (hashed ??= hashPassword(password));

/** A fresh account (unique email), optionally with security questions, or with 2SV on, a US phone and a Recovery Key. */
export async function makeUser(options: { questions?: boolean; twoStep?: { recoveryKey: string; phone?: string } } = {}) {
  const tag = randomBytes(5).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      email: `user-${tag}@example.com`,
      name: `Test User ${tag}`,
      countryCode: "US",
      passwordHash: await passwordHash(),
      twoStepEnabledAt: options.twoStep ? new Date("2024-01-01T00:00:00Z") : null,
    })
    .returning();
  if (options.questions) {
    // Seeded, not set through setSecurityQuestions: that emails the owner, and tests read the newest email.
    const items = [["firstPet", answers[1]], ["childhoodStreet", answers[2]], ["firstTeacher", answers[3]]] as const;
    const rows = items.map(async ([questionKey, answer], i) => ({ userId: user!.id, position: i + 1, questionKey, answerHash: await hashPassword(normaliseAnswer(answer)) }));
    await db.insert(securityQuestions).values(await Promise.all(rows));
  }
  let phoneId: string | undefined;
  if (options.twoStep) {
    await storeRecoveryKey({ userId: user!.id, keyHash: await hashRecoveryKey(options.twoStep.recoveryKey), confirmedAt: new Date() });
    const [phone] = await db
      .insert(trustedPhones)
      .values({ userId: user!.id, e164: options.twoStep.phone ?? `+1202555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`, countryCode: "US", verifiedAt: new Date() })
      .returning();
    phoneId = phone!.id;
  }
  return { user: user as User, phoneId };
}

export const openSession = (user: User) => createSession({ userId: user.id, userAgent: request.userAgent, ip: request.ip, aal: 2 });

/** Messages queued to a recipient, newest first, bodies in clear (tests only). */
export async function messagesTo(recipient: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.recipient, recipient)).orderBy(desc(outbox.createdAt));
  return rows.map((r) => ({ ...r, text: unsealText(r.body) }));
}

/** The 6-digit code of the newest SMS to this phone. */
export async function lastSmsCode(e164: string) {
  const [message] = await messagesTo(e164);
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${e164}`);
  return code;
}

export async function phoneOf(phoneId: string) {
  const [row] = await db.select().from(trustedPhones).where(eq(trustedPhones.id, phoneId));
  return row!.e164;
}

export async function challenge(id: string) {
  return (await db.select().from(challenges).where(eq(challenges.id, id)))[0]!;
}

export async function reload(user: User) {
  return (await db.select().from(users).where(eq(users.id, user.id)))[0]!;
}

export const minutes = (n: number) => n * 60_000;
export const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** The AppError code a promise rejects with. */
export async function errorCode(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return "resolved";
}
