import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { countries, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { findPasswordWeakness } from "@/lib/auth/password-policy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";

export type CreateAccountError = "UNKNOWN_COUNTRY" | "WEAK_PASSWORD" | "EMAIL_TAKEN" | "THROTTLED";

const signUpWindowMs = 60 * 60_000;

/**
 * `locale`: the language the person signed up in, which emails and texts to the account use until they choose another.
 * `ip`: the client's address, when known: sign-ups are limited per address, which also caps how fast anyone can ask
 * whether emails have accounts. A taken email costs the same argon2id work as a new one, so timing does not tell.
 */
export async function createAccount(input: { name: string; email: string; password: string; country: string; locale?: string; ip?: string | null; now?: Date }) {
  const email = input.email.trim().toLowerCase();
  const weakness = findPasswordWeakness(input.password, [input.name, email]);
  if (weakness) throw new AppError<CreateAccountError>("WEAK_PASSWORD", { weakness });

  const [country] = await db.select().from(countries).where(eq(countries.code, input.country));
  if (!country) throw new AppError<CreateAccountError>("UNKNOWN_COUNTRY");

  if (input.ip) {
    const limit = await hitRateLimit({ key: `signup:ip:${input.ip}`, windowMs: signUpWindowMs, now: input.now });
    if (limit.hits > env().SIGNUP_IP_LIMIT) throw new AppError<CreateAccountError>("THROTTLED", { retryAt: limit.resetAt.toISOString() });
  }

  const passwordHash = await hashPassword(input.password);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
  if (existing) throw new AppError<CreateAccountError>("EMAIL_TAKEN");

  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email, passwordHash, countryCode: country.code, locale: input.locale ?? null })
      .onConflictDoNothing()
      .returning();
    // A concurrent sign-up with the same email won the race.
    if (!user) throw new AppError<CreateAccountError>("EMAIL_TAKEN");
    await recordEvent({ type: "account_created", userId: user.id, countryCode: user.countryCode, at: user.createdAt }, tx);
    return user;
  });
}
