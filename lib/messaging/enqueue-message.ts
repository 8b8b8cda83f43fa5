import { and, eq } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { db as appDb, type DB } from "@/db";
import { outbox } from "@/db/schema";
import { sealText } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { messagingConfig, type MessagingConfig } from "./config";
import { deliverMessage, type MessageStatus } from "./deliver-message";
import { safeErrorMessage } from "./safe-error-message";
import { transportNameFor } from "./transports";

const messageSchema = z
  .object({
    channel: z.enum(["sms", "email"]),
    recipient: z.string().trim().min(1).max(320),
    // A line break in a subject would start a header of its own in an SMTP provider that builds them by hand.
    subject: z.string().trim().max(200).regex(/^[^\r\n]*$/).optional(),
    body: z.string().min(1).max(20_000),
    userId: z.uuid().optional(),
    countryCode: z.string().regex(/^[A-Z]{2}$/).optional(),
    /** When what it says stops being true (a code's expiry): not sent after this. */
    expiresAt: z.date().optional(),
    /** Queuing a message with this key drops the earlier ones with it that are still waiting (a resent code). */
    replaceKey: z.string().min(1).max(200).optional(),
    /** Held until then, the worker sending it after: a notice that may still be called off (by its replaceKey). */
    notBefore: z.date().optional(),
  })
  .refine((m) => (m.channel === "sms" ? /^\+[1-9]\d{6,14}$/.test(m.recipient) : z.email().safeParse(m.recipient).success), {
    path: ["recipient"],
    message: "must be an E.164 number for SMS, an email address for email",
  })
  // Twilio refuses SMS bodies over 1600 characters.
  .refine((m) => m.channel !== "sms" || m.body.length <= 1600, { path: ["body"], message: "too long for an SMS" });

export type NewMessage = z.input<typeof messageSchema>;

export interface EnqueueOptions {
  /**
   * The caller's transaction (or another database handle). Given a transaction, the message is only inserted —
   * nothing is sent before the caller commits — and the caller calls `deliverMessage(id)` after the commit (the
   * outbox worker would otherwise send it within a few seconds). Given a database, it is inserted and sent at once.
   */
  db?: DB;
  now?: Date;
  config?: MessagingConfig;
}

/**
 * Queues an SMS or email in the outbox, body sealed (the table never holds a code in clear), for the transport
 * configured now, then tries to send it right away. Failed sends are retried by the outbox worker with backoff.
 */
export async function enqueueMessage(message: NewMessage, options: EnqueueOptions = {}): Promise<{ id: string; status: MessageStatus }> {
  const parsed = messageSchema.safeParse(message);
  // Field names only: a zod issue may quote its input, and the input holds the body.
  if (!parsed.success) throw new AppError("INVALID_MESSAGE", { fields: parsed.error.issues.map((i) => i.path.join(".")) });
  const input = parsed.data;

  const config = options.config ?? messagingConfig();
  const now = options.now ?? new Date();
  const countryCode =
    input.countryCode ?? (input.channel === "sms" ? parsePhoneNumberFromString(input.recipient)?.country : undefined);
  const db = options.db ?? appDb;

  if (input.replaceKey) {
    await db
      .update(outbox)
      .set({ status: "expired", lastError: "replaced by a newer message" })
      .where(and(eq(outbox.replaceKey, input.replaceKey), eq(outbox.status, "pending")));
  }
  const [row] = await db
    .insert(outbox)
    .values({
      channel: input.channel,
      recipient: input.recipient,
      subject: input.subject ?? null,
      body: sealText(input.body),
      userId: input.userId ?? null,
      countryCode: countryCode ?? null,
      transport: transportNameFor(input.channel, config),
      expiresAt: input.expiresAt ?? null,
      replaceKey: input.replaceKey ?? null,
      nextAttemptAt: input.notBefore ?? now,
      createdAt: now,
    })
    .returning({ id: outbox.id });
  const id = row!.id;

  if (db instanceof PgTransaction || (input.notBefore && input.notBefore > now)) return { id, status: "pending" };
  try {
    return await deliverMessage(id, { db, now: options.now, config });
  } catch (error) {
    // Queued safely; the worker retries it. The caller's flow goes on.
    console.error(`[outbox] immediate delivery of ${id} failed: ${safeErrorMessage(error)}`);
    return { id, status: "pending" };
  }
}
