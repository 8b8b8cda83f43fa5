import { randomUUID } from "node:crypto";
import { and, eq, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { countries, signUpRequests, users, type SignUpRequest } from "@/db/schema";
import { hashPassword } from "@/lib/auth/passwords";
import { findPasswordWeakness } from "@/lib/auth/password-policy";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { generateCode, hashCode } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { sendQueued } from "@/lib/messaging/send-queued";
import { isSignUpRequestId } from "./sign-up-cookie";
import { composeSignUpEmail } from "./sign-up-email";
import { signUpAddressKey } from "./sign-up-address-key";
import { maxSignUpSends, resendCooldownMs, signUpCodeTtlMs, signUpEmailsPerAddress, signUpWindowMs } from "./sign-up-policy";

export type RequestSignUpError = "UNKNOWN_COUNTRY" | "WEAK_PASSWORD" | "THROTTLED";
export type ResendSignUpCodeError = "SIGN_UP_EXPIRED" | "TOO_MANY_SENDS" | "RESEND_WAIT";

/**
 * The first half of signing up: checks the form, then emails a code to the address and keeps the rest (the password
 * already hashed) until the code comes back (confirm-sign-up.ts). The answer is the same whether or not the address
 * has an account — a request id for the browser's cookie — and so is the work (one argon2id, one row, one email), so
 * neither the page nor its timing says which emails are taken. `ip`: sign-ups are limited per client address.
 */
export async function requestSignUp(input: { name: string; email: string; password: string; country: string; locale?: string; ip?: string | null; now?: Date }) {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const weakness = findPasswordWeakness(input.password, [input.name, email]);
  if (weakness) throw new AppError<RequestSignUpError>("WEAK_PASSWORD", { weakness });

  const [country] = await db.select().from(countries).where(eq(countries.code, input.country));
  if (!country) throw new AppError<RequestSignUpError>("UNKNOWN_COUNTRY");

  if (input.ip) {
    const limit = await hitRateLimit({ key: `signup:ip:${input.ip}`, windowMs: signUpWindowMs, now });
    if (limit.hits > env().SIGNUP_IP_LIMIT) throw new AppError<RequestSignUpError>("THROTTLED", { retryAt: limit.resetAt.toISOString() });
  }

  const passwordHash = await hashPassword(input.password);
  // Requests nobody finished hold a password hash for an unconfirmed address: not kept once they expire.
  await db.delete(signUpRequests).where(lte(signUpRequests.expiresAt, now));
  const request = { id: randomUUID(), email, name: input.name, countryCode: country.code, locale: input.locale ?? null, passwordHash };
  await sendSignUpEmail(request, now, (tx, codeHash) =>
    tx.insert(signUpRequests).values({ ...request, codeHash, sentAt: now, expiresAt: new Date(now.getTime() + signUpCodeTtlMs), createdAt: now }),
  );
  return { requestId: request.id };
}

/** A new code for a waiting sign-up (the old one stops working), at most `maxSignUpSends` emails per request. */
export async function resendSignUpCode(input: { requestId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const request = await findWaitingSignUp(input.requestId, now);
  if (!request) throw new AppError<ResendSignUpCodeError>("SIGN_UP_EXPIRED");
  if (request.sends >= maxSignUpSends) throw new AppError<ResendSignUpCodeError>("TOO_MANY_SENDS");
  const waitUntil = request.sentAt.getTime() + resendCooldownMs;
  if (waitUntil > now.getTime()) throw new AppError<ResendSignUpCodeError>("RESEND_WAIT", { retryAt: new Date(waitUntil).toISOString() });

  await sendSignUpEmail(request, now, async (tx, codeHash) => {
    // Only the send that read `sends` may write: two clicks at once make one email.
    const [updated] = await tx
      .update(signUpRequests)
      .set({ codeHash, attempts: 0, sends: request.sends + 1, sentAt: now, expiresAt: new Date(now.getTime() + signUpCodeTtlMs) })
      .where(and(eq(signUpRequests.id, request.id), eq(signUpRequests.sends, request.sends)))
      .returning({ id: signUpRequests.id });
    if (!updated) throw new AppError<ResendSignUpCodeError>("RESEND_WAIT", { retryAt: new Date(now.getTime() + resendCooldownMs).toISOString() });
  });
}

/** The sign-up waiting for a code under this id (from the browser's cookie): not finished (deleted) and not expired. */
export async function findWaitingSignUp(requestId: string | null | undefined, now = new Date()): Promise<SignUpRequest | null> {
  if (!isSignUpRequestId(requestId)) return null;
  const [request] = await db.select().from(signUpRequests).where(eq(signUpRequests.id, requestId));
  return request && request.expiresAt > now ? request : null;
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * Writes the request (`save`, given the new code's hash or null) and queues its email in one transaction, then sends
 * the email. An address with an account gets the owner's notice and no working code; an address past its hourly
 * emails gets nothing, silently, and no working code either (a code nobody was sent would only serve guessing).
 * Either way the browser sees the same page, and the same work is done.
 */
async function sendSignUpEmail(request: Pick<SignUpRequest, "id" | "email" | "name" | "locale">, now: Date, save: (tx: Tx, codeHash: string | null) => Promise<unknown>) {
  const [[owner], perAddress] = await Promise.all([
    db.select({ name: users.name, locale: users.locale }).from(users).where(eq(sql`lower(${users.email})`, request.email)),
    hitRateLimit({ key: signUpAddressKey("email", request.email), windowMs: signUpWindowMs, now }),
  ]);
  const code = generateCode();
  const codeHash = hashCode(request.id, code);
  const send = perAddress.hits <= signUpEmailsPerAddress;
  const email = owner ? composeSignUpEmail({ owner }) : composeSignUpEmail({ code, name: request.name, locale: request.locale });

  const queued = await db.transaction(async (tx) => {
    await save(tx, owner || !send ? null : codeHash);
    if (!send) return null;
    return enqueueMessage(
      { channel: "email", recipient: request.email, ...email, expiresAt: owner ? undefined : new Date(now.getTime() + signUpCodeTtlMs), replaceKey: `sign-up:${request.id}` },
      { db: tx as never, now },
    );
  });
  if (queued) await sendQueued(queued.id, now);
}
