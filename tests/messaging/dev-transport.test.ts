import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { events, outbox } from "@/db/schema";
import { generateCode, unsealText } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { deliverMessage } from "@/lib/messaging/deliver-message";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { listDevInbox } from "@/lib/messaging/list-dev-inbox";
import { setupTestDatabase } from "../helpers/test-db";
import { stubMessagingEnv } from "./messaging-env";

const testDb = setupTestDatabase();
beforeEach(() => stubMessagingEnv({ SMS_TRANSPORT: "dev" }));

const rowOf = async (id: string) => (await testDb().db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe("dev transport", () => {
  it("delivers at once by marking the row sent; the body column is sealed and unseals to the text", async () => {
    const code = generateCode();
    const body = `Your Stepwise code is ${code}`;
    const now = new Date("2030-01-01T10:00:00Z");
    const result = await enqueueMessage({ channel: "sms", recipient: "+15551234567", body, countryCode: "US" }, { now });
    expect(result.status).toBe("sent");

    const row = await rowOf(result.id);
    expect(row).toMatchObject({ status: "sent", transport: "dev", attempts: 1, sentAt: now, countryCode: "US", lastError: null });
    expect(row.body).not.toBe(body);
    expect(row.body).not.toContain(code);
    expect(unsealText(row.body)).toBe(body);
  });

  it("leaves no code in clear anywhere in the outbox or events tables", async () => {
    const code = generateCode();
    await enqueueMessage({ channel: "sms", recipient: "+15557654321", body: `Code: ${code}`, countryCode: "US" });
    const dump = JSON.stringify([await testDb().db.select().from(outbox), await testDb().db.select().from(events)]);
    expect(dump).toContain("+15557654321");
    expect(dump).not.toContain(code);
  });

  it("derives the country of an SMS from the number when none is given, and records sms_sent for it", async () => {
    const { id } = await enqueueMessage({ channel: "sms", recipient: "+33612345678", body: "Bonjour 123456" });
    expect((await rowOf(id)).countryCode).toBe("FR");
    const sent = await testDb().db.select().from(events).where(eq(events.type, "sms_sent"));
    expect(sent.some((e) => e.countryCode === "FR" && JSON.parse(e.detail!).transport === "dev")).toBe(true);
  });

  it("sends email through the dev transport too, without SMS events", async () => {
    const before = (await testDb().db.select().from(events)).length;
    const { id, status } = await enqueueMessage({ channel: "email", recipient: "ana@example.com", subject: "Welcome", body: "Hello Ana" });
    expect(status).toBe("sent");
    expect(await rowOf(id)).toMatchObject({ channel: "email", subject: "Welcome", transport: "dev" });
    expect((await testDb().db.select().from(events)).length).toBe(before);
  });

  it("inside the caller's transaction only inserts; the caller delivers after commit; a rollback leaves nothing", async () => {
    const db = testDb().db;
    const id = await db.transaction(async (tx) => {
      const queued = await enqueueMessage({ channel: "sms", recipient: "+15550001111", body: "tx 111111" }, { db: tx });
      expect(queued.status).toBe("pending");
      return queued.id;
    });
    expect((await rowOf(id)).status).toBe("pending");
    expect(await deliverMessage(id)).toEqual({ id, status: "sent" });
    expect((await rowOf(id)).attempts).toBe(1);
    // Delivering again is a no-op, not a second send.
    expect(await deliverMessage(id)).toEqual({ id, status: "sent" });
    expect((await rowOf(id)).attempts).toBe(1);

    await expect(
      db.transaction(async (tx) => {
        await enqueueMessage({ channel: "sms", recipient: "+15550002222", body: "rolled back" }, { db: tx });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await db.select().from(outbox).where(eq(outbox.recipient, "+15550002222"))).toEqual([]);
  });

  it("rejects a malformed message with the field names only", async () => {
    const attempt = enqueueMessage({ channel: "sms", recipient: "555-1234", body: "secret 999999" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "INVALID_MESSAGE", details: { fields: ["recipient"] } });
    await expect(enqueueMessage({ channel: "email", recipient: "not-an-email", body: "x" })).rejects.toMatchObject({ code: "INVALID_MESSAGE" });
    await expect(enqueueMessage({ channel: "sms", recipient: "+15551234567", body: "x".repeat(1601) })).rejects.toMatchObject({
      details: { fields: ["body"] },
    });
    await expect(enqueueMessage({ channel: "email", recipient: "a@example.com", subject: "Hi\r\nBcc: b@example.com", body: "x" })).rejects.toMatchObject({
      details: { fields: ["subject"] },
    });
  });

  it("fails an email at once when email is switched off (EMAIL_TRANSPORT=none)", async () => {
    stubMessagingEnv({ SMS_TRANSPORT: "dev", EMAIL_TRANSPORT: "none" });
    const { id, status } = await enqueueMessage({ channel: "email", recipient: "off@example.com", body: "nobody reads this" });
    expect(status).toBe("failed");
    expect(await rowOf(id)).toMatchObject({ transport: "none", attempts: 1, lastError: "no email transport is configured" });
  });
});

describe("dev inbox listing", () => {
  it("lists dev messages newest first with bodies in clear, filters by recipient, and never shows other transports", async () => {
    const db = testDb().db;
    const t = (s: number) => new Date(Date.UTC(2031, 0, 1, 0, 0, s));
    await enqueueMessage({ channel: "sms", recipient: "+15559990001", body: "first 100001" }, { now: t(1) });
    await enqueueMessage({ channel: "sms", recipient: "+15559990002", body: "other 100002" }, { now: t(2) });
    await enqueueMessage({ channel: "sms", recipient: "+15559990001", body: "second 100003" }, { now: t(3) });
    await db.insert(outbox).values({ channel: "sms", recipient: "+15559990001", body: "sealed-elsewhere", transport: "twilio", createdAt: t(4) });

    const mine = await listDevInbox({ to: "+15559990001" });
    expect(mine.map((m) => m.body)).toEqual(["second 100003", "first 100001"]);
    // "?to=+1555…" arrives with the + decoded as a space.
    expect((await listDevInbox({ to: " 15559990001" })).map((m) => m.body)).toEqual(["second 100003", "first 100001"]);

    const all = await listDevInbox();
    expect(all.every((m) => m.body !== "sealed-elsewhere")).toBe(true);
    expect(all.slice(0, 3).map((m) => m.body)).toEqual(["second 100003", "other 100002", "first 100001"]);
    expect(await listDevInbox({ to: "+15559990009" })).toEqual([]);
    // A NUL byte in ?to= once reached PostgreSQL, which refuses it: now it simply matches nothing.
    expect(await listDevInbox({ to: "+1555999\u00000001" })).toEqual([]);
  });
});
