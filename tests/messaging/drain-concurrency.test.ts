import { desc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { events, outbox } from "@/db/schema";
import { drainOutbox } from "@/lib/messaging/deliver-message";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { setupTestDatabase } from "../helpers/test-db";
import { stubMessagingEnv } from "./messaging-env";
import { setupTwilioStub, twilioEnv } from "./twilio-stub";

const testDb = setupTestDatabase();
const stub = setupTwilioStub();
beforeEach(() => {
  stub.reset();
  stubMessagingEnv(twilioEnv(stub.baseUrl));
});

/** Queues `count` messages without sending them (as a caller's transaction would), due at `now`. */
async function queue(count: number, label: string, now: Date) {
  return testDb().db.transaction(async (tx) => {
    const bodies: string[] = [];
    for (let i = 0; i < count; i++) {
      const body = `${label} message ${i}`;
      await enqueueMessage({ channel: "sms", recipient: `+1555000${String(i).padStart(4, "0")}`, body, countryCode: "US" }, { db: tx, now });
      bodies.push(body);
    }
    return bodies;
  });
}

describe("drainOutbox across instances", () => {
  it("never sends a message twice when several drains run at once (two connections on PostgreSQL)", async () => {
    const now = new Date("2030-03-01T00:00:00Z");
    const bodies = await queue(24, "race", now);
    const a = testDb().db;
    // PGlite has one connection per process: the overlapping drains share it. PostgreSQL: a real second instance.
    const b = testDb.driver === "postgres" ? testDb.connectAgain().db : a;

    const results = await Promise.all([a, b, a, b].map((db) => drainOutbox({ db, now })));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(24);

    for (const body of bodies) expect(stub.requests.filter((r) => r.form.Body === body)).toHaveLength(1);
    expect(stub.requests).toHaveLength(24);
    const rows = await a.select().from(outbox);
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(await a.select().from(events).where(eq(events.type, "sms_sent"))).toHaveLength(24);
  });

  it("skips a message another instance holds locked instead of waiting for it or sending it (PostgreSQL)", async () => {
    const now = new Date("2030-03-02T00:00:00Z");
    const [body] = await queue(1, "locked", now);
    const a = testDb().db;
    if (testDb.driver === "pglite") {
      // One connection cannot hold a lock against itself; the claim itself is what guards PGlite.
      expect(await drainOutbox({ db: a, now })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await drainOutbox({ db: a, now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(stub.requests.filter((r) => r.form.Body === body)).toHaveLength(1);
      return;
    }
    const b = testDb.connectAgain().db;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = b.transaction(async (tx) => {
      await tx.execute(sql`select id from outbox where status = 'pending' for update`);
      locked();
      await released;
    });
    await isLocked;
    expect(await drainOutbox({ db: a, now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    release();
    await holder;
    expect(await drainOutbox({ db: a, now })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(stub.requests.filter((r) => r.form.Body === body)).toHaveLength(1);
  });

  it("lets a message whose sender vanished mid-send go out again once its claim lapses", async () => {
    const now = new Date("2030-03-03T00:00:00Z");
    const [body] = await queue(1, "lapsed", now);
    const db = testDb().db;
    // A crashed instance: it claimed the message (attempt 1, lease) and never reported back.
    await db.update(outbox).set({ attempts: 1, nextAttemptAt: new Date(now.getTime() + 120_000) }).where(eq(outbox.status, "pending"));
    expect(await drainOutbox({ db, now: new Date(now.getTime() + 60_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await drainOutbox({ db, now: new Date(now.getTime() + 120_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(stub.requests.filter((r) => r.form.Body === body)).toHaveLength(1);
    // This test's row is the newest (queued at its own `now`): earlier tests' rows share the table, in no set order.
    const [newest] = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
    expect(newest).toMatchObject({ status: "sent", attempts: 2 });
  });
});
