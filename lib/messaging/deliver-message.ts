import { and, eq, gt, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { db as appDb, type DB, type Tx } from "@/db";
import { outbox } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { unsealText } from "@/lib/crypto/secrets";
import { messagingConfig, type MessagingConfig } from "./config";
import { afterFailure, claimLeaseMs } from "./retry-policy";
import { availableTransports, TransportError, type Transport } from "./transports";
import { checkGuardrailsSafely } from "@/lib/rollout/guardrails/check-guardrails";
import { recordEvent } from "@/lib/events/record-event";

type OutboxRow = typeof outbox.$inferSelect;
export type MessageStatus = OutboxRow["status"];

export interface DeliveryOptions {
  /** Defaults to the app's database. Pass a second connection to act as another instance. */
  db?: DB;
  /** The clock; defaults to the real time at each step. */
  now?: Date;
  config?: MessagingConfig;
}

/**
 * Claims one due message for this caller: bumps its attempt count and pushes nextAttemptAt past a lease, in one
 * statement, so no other instance (or overlapping loop) can take it while it is being sent. `FOR UPDATE SKIP LOCKED`
 * lets concurrent claimers pass over a row another is claiming instead of queueing behind it; on PGlite (one
 * connection) statements simply run one after the other. A crash mid-send leaves the row to be retried when the
 * lease ends: delivery is at-least-once only across crashes.
 */
async function claimOne(db: DB, transports: string[], now: Date, only?: SQL): Promise<OutboxRow | undefined> {
  const due = and(
    eq(outbox.status, "pending"),
    lte(outbox.nextAttemptAt, now),
    or(isNull(outbox.expiresAt), gt(outbox.expiresAt, now)),
    inArray(outbox.transport, transports),
    only,
  );
  const next = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(due)
    .orderBy(outbox.nextAttemptAt, outbox.createdAt)
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + claimLeaseMs) })
    .where(and(sql`${outbox.id} = (${next})`, due))
    .returning();
  return row;
}

/**
 * Marks the waiting messages whose content has expired (a code's lifetime ran out during an outage) as never to be
 * sent: a late code only confuses, and the person has asked for a new one by then.
 */
async function expireStale(db: DB, now: Date, only?: SQL) {
  await db
    .update(outbox)
    .set({ status: "expired", lastError: "expired before it could be sent" })
    .where(and(eq(outbox.status, "pending"), lte(outbox.expiresAt, now), only));
}

/** Only the claim that made this attempt may record its outcome (a lease that ran out was re-claimed). */
const stillOurs = (row: OutboxRow) => and(eq(outbox.id, row.id), eq(outbox.status, "pending"), eq(outbox.attempts, row.attempts));

async function recordDelivery(tx: Tx, row: OutboxRow, type: "sms_sent" | "sms_failed", detail: Record<string, unknown>, at: Date) {
  if (row.channel !== "sms") return;
  await recordEvent({ type, userId: row.userId, countryCode: row.countryCode, detail: JSON.stringify(detail), at }, tx);
}

/** One send; every failure comes back as a TransportError whose message is safe to store and log. */
async function attemptSend(row: OutboxRow, transport: Transport): Promise<{ providerMessageId?: string } | TransportError> {
  let body: string;
  try {
    body = unsealText(row.body);
  } catch {
    // A missing secret can be fixed by a restart; a body sealed under another secret never opens again.
    const noSecret = !process.env.AUTH_SECRET;
    return new TransportError(noSecret ? "AUTH_SECRET is not set" : "body cannot be unsealed (AUTH_SECRET changed?)", { retryable: noSecret });
  }
  try {
    return await transport.send({ id: row.id, channel: row.channel, recipient: row.recipient, subject: row.subject, body });
  } catch (error) {
    if (error instanceof TransportError) return error;
    return new TransportError(`${transport.name}: unexpected ${error instanceof Error ? error.name : "error"}`, { retryable: true });
  }
}

async function sendClaimed(db: DB, row: OutboxRow, transport: Transport, clock: () => Date): Promise<MessageStatus> {
  const result = await attemptSend(row, transport);
  const now = clock();
  const summary = { transport: transport.name, attempts: row.attempts };

  if (!(result instanceof TransportError)) {
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(outbox)
        .set({ status: "sent", sentAt: now, providerMessageId: result.providerMessageId ?? null, lastError: null })
        .where(stillOurs(row))
        .returning({ id: outbox.id });
      if (updated) await recordDelivery(tx, row, "sms_sent", summary, now);
    });
    return "sent";
  }

  const decision = afterFailure({ attempt: row.attempts, retryable: result.retryable, retryAfterMs: result.retryAfterMs, now });
  const lastError = result.message;
  if (decision.retry) {
    await db.update(outbox).set({ nextAttemptAt: decision.at, lastError }).where(stillOurs(row));
    console.warn(`[outbox] ${row.channel} ${row.id} attempt ${row.attempts} failed (${lastError}); retry at ${decision.at.toISOString()}`);
    return "pending";
  }
  await db.transaction(async (tx) => {
    const [updated] = await tx.update(outbox).set({ status: "failed", lastError }).where(stillOurs(row)).returning({ id: outbox.id });
    if (updated) await recordDelivery(tx, row, "sms_failed", { ...summary, error: lastError }, now);
  });
  console.warn(`[outbox] ${row.channel} ${row.id} failed after ${row.attempts} attempt(s) (${lastError})`);
  // Texts failing in a launching country: the guardrails may pause it.
  if (row.channel === "sms") await checkGuardrailsSafely(row.countryCode, now);
  return "failed";
}

/**
 * Sends one queued message now if it is due and nobody else is sending it, and returns its status afterwards.
 * Callers that queued it inside their own transaction call this after the commit.
 */
export async function deliverMessage(id: string, options: DeliveryOptions = {}): Promise<{ id: string; status: MessageStatus }> {
  const db = options.db ?? appDb;
  const clock = () => options.now ?? new Date();
  const transports = availableTransports(options.config ?? messagingConfig());
  const row = await claimOne(db, [...transports.keys()], clock(), eq(outbox.id, id));
  if (row) return { id, status: await sendClaimed(db, row, transports.get(row.transport)!, clock) };

  await expireStale(db, clock(), eq(outbox.id, id));
  const [current] = await db.select({ status: outbox.status }).from(outbox).where(eq(outbox.id, id));
  if (!current) throw new AppError("MESSAGE_NOT_FOUND");
  return { id, status: current.status };
}

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** Delivers every due message, one claim at a time, up to `limit` sends. Safe to run on many instances at once. */
export async function drainOutbox(options: DeliveryOptions & { limit?: number } = {}): Promise<DrainResult> {
  const db = options.db ?? appDb;
  const clock = () => options.now ?? new Date();
  const transports = availableTransports(options.config ?? messagingConfig());
  const result: DrainResult = { sent: 0, retrying: 0, failed: 0 };
  await expireStale(db, clock());
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const row = await claimOne(db, [...transports.keys()], clock());
    if (!row) break;
    const status = await sendClaimed(db, row, transports.get(row.transport)!, clock);
    result[status === "sent" ? "sent" : status === "failed" ? "failed" : "retrying"]++;
  }
  return result;
}
