import { and, desc, eq } from "drizzle-orm";
import { db as appDb, type DB } from "@/db";
import { outbox } from "@/db/schema";
import { unsealText } from "@/lib/crypto/secrets";

export interface DevInboxMessage {
  id: string;
  channel: "sms" | "email";
  recipient: string;
  subject: string | null;
  /** In clear; null when it cannot be unsealed (AUTH_SECRET changed since it was queued). */
  body: string | null;
  status: (typeof outbox.$inferSelect)["status"];
  createdAt: Date;
  sentAt: Date | null;
}

/** `?to=+15551234567` arrives as " 15551234567" (a + in a query string is a space): put the + back. */
export function normalizeRecipientFilter(to: string | undefined): string | undefined {
  const value = to?.trim();
  if (!value) return undefined;
  return /^\d{7,15}$/.test(value) ? `+${value}` : value;
}

/** The newest messages queued for the dev transport (only those: real SMS never show up here), newest first. */
export async function listDevInbox({ to, limit = 100, db = appDb }: { to?: string; limit?: number; db?: DB } = {}): Promise<DevInboxMessage[]> {
  const recipient = normalizeRecipientFilter(to);
  // No phone number or address holds a control character, and PostgreSQL refuses a NUL byte outright.
  if (recipient && /\p{Cc}/u.test(recipient)) return [];
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.transport, "dev"), recipient ? eq(outbox.recipient, recipient) : undefined))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map((row) => {
    let body: string | null = null;
    try {
      body = unsealText(row.body);
    } catch {}
    return {
      id: row.id,
      channel: row.channel,
      recipient: row.recipient,
      subject: row.subject,
      body,
      status: row.status,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
    };
  });
}
