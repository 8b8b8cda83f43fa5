import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db";
import { challenges, countries, trustedDevices, trustedPhones, users, type ChallengeMethod, type ChallengePurpose } from "@/db/schema";
import { generateCode, hashCode, sealText } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record-event";
import type { MessageStatus } from "@/lib/messaging/deliver-message";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { codeTtlMs, nextSendAllowedAt } from "./code-policy";
import { composeCodeSms } from "./compose-code-sms";
import { limitSetupTexts } from "./limit-setup-texts";
import { blockedUntil, lockLockoutRow } from "./second-factor-lockout";

export type IssueChallengeError = "LOCKED" | "RESEND_TOO_SOON" | "NO_SUCH_PHONE" | "SMS_UNSUPPORTED" | "NO_TRUSTED_DEVICE";

export interface RequestContext {
  ip: string | null;
  country: string | null;
  userAgent: string;
}

/**
 * Sends a fresh 6-digit code for one attempt, bound to the session that asked. A resend replaces the previous code
 * of that attempt but never resets the account's failure count (NIST SP 800-63B rev 4 §3.2.2); sends are limited
 * by a cooldown and an hourly cap, and texts to numbers not verified yet also per number and per IP (limit-setup-texts).
 */
export async function issueChallenge(input: {
  userId: string;
  locale?: string;
  sessionId: string;
  purpose: ChallengePurpose;
  method: ChallengeMethod;
  phoneId?: string;
  request: RequestContext;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const code = generateCode();
  const id = randomUUID();
  const setupText =
    input.method === "sms" && input.purpose === "enroll_phone" && input.phoneId
      ? await limitSetupTexts({ userId: input.userId, phoneId: input.phoneId, ip: input.request.ip, now })
      : null;

  const issued = await db.transaction(async (tx) => {
    const lockout = await lockLockoutRow(tx, input.userId);
    const blocked = blockedUntil(lockout, now, input.purpose);
    if (blocked) throw new AppError<IssueChallengeError>("LOCKED", { retryAt: blocked === "locked" ? null : blocked.toISOString() });

    const recent = await tx
      .select({ createdAt: challenges.createdAt })
      .from(challenges)
      .where(and(eq(challenges.userId, input.userId), gt(challenges.createdAt, new Date(now.getTime() - 60 * 60_000))))
      .orderBy(desc(challenges.createdAt));
    const allowedAt = nextSendAllowedAt(recent.map((r) => r.createdAt), now);
    if (allowedAt) throw new AppError<IssueChallengeError>("RESEND_TOO_SOON", { retryAt: allowedAt.toISOString() });

    let phone: { e164: string; countryCode: string } | undefined;
    if (input.method === "sms") {
      const [row] = await tx
        .select({ e164: trustedPhones.e164, countryCode: trustedPhones.countryCode, verifiedAt: trustedPhones.verifiedAt, sms: countries.smsSupported })
        .from(trustedPhones)
        .innerJoin(countries, eq(countries.code, trustedPhones.countryCode))
        .where(and(eq(trustedPhones.id, input.phoneId ?? ""), eq(trustedPhones.userId, input.userId), isNull(trustedPhones.removedAt)));
      if (!row || (!row.verifiedAt && input.purpose !== "enroll_phone")) throw new AppError<IssueChallengeError>("NO_SUCH_PHONE");
      if (!row.sms) throw new AppError<IssueChallengeError>("SMS_UNSUPPORTED");
      phone = row;
    } else {
      const devices = await tx
        .select({ id: trustedDevices.id })
        .from(trustedDevices)
        .where(and(eq(trustedDevices.userId, input.userId), eq(trustedDevices.receivesCodes, true), isNull(trustedDevices.revokedAt)));
      if (!devices.length) throw new AppError<IssueChallengeError>("NO_TRUSTED_DEVICE");
    }

    // The attempt's earlier code stops working; its wrong tries still count against the account.
    await tx
      .update(challenges)
      .set({ replacedAt: now, sealedCode: null })
      .where(
        and(
          eq(challenges.sessionId, input.sessionId),
          eq(challenges.purpose, input.purpose),
          isNull(challenges.consumedAt),
          isNull(challenges.replacedAt),
        ),
      );
    await tx.insert(challenges).values({
      id,
      userId: input.userId,
      sessionId: input.sessionId,
      purpose: input.purpose,
      method: input.method,
      phoneId: input.method === "sms" ? input.phoneId : null,
      codeHash: hashCode(id, code),
      sealedCode: input.method === "device" ? sealText(code) : null,
      expiresAt: new Date(now.getTime() + codeTtlMs),
      requestIp: input.request.ip,
      requestCountry: input.request.country,
      requestUserAgent: input.request.userAgent.slice(0, 512),
      createdAt: now,
    });
    await recordEvent({ type: "challenge_sent", userId: input.userId, method: input.method, detail: input.purpose, at: now }, tx);
    return { phone };
  });

  await setupText?.count();
  let delivery: MessageStatus | "pushed" = "pushed";
  if (issued.phone) {
    // The account's language first: the text reaches its owner, not necessarily the browser that asked.
    const [owner] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, input.userId));
    const message = await enqueueMessage({
      channel: "sms",
      recipient: issued.phone.e164,
      body: composeCodeSms({ code, locale: owner?.locale ?? input.locale }),
      userId: input.userId,
      countryCode: issued.phone.countryCode,
      // A text still waiting when its code expires, or when a resend replaces the code, is dropped, not sent late.
      expiresAt: new Date(now.getTime() + codeTtlMs),
      replaceKey: `code:${input.sessionId}:${input.purpose}`,
    });
    delivery = message.status;
  }
  return { challengeId: id, expiresAt: new Date(now.getTime() + codeTtlMs), method: input.method, delivery };
}
