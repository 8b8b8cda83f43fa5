import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { events, outbox } from "@/db/schema";
import { generateCode } from "@/lib/crypto/secrets";
import { messagingConfig, type TwilioConfig } from "@/lib/messaging/config";
import { drainOutbox } from "@/lib/messaging/deliver-message";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { TransportError } from "@/lib/messaging/transports";
import { twilioTransport } from "@/lib/messaging/transports/twilio";
import { setupTestDatabase } from "../helpers/test-db";
import { stubMessagingEnv } from "./messaging-env";
import { setupTwilioStub, twilioEnv } from "./twilio-stub";

const testDb = setupTestDatabase();
const stub = setupTwilioStub();

// Every log line written during a test, to prove no code is ever logged.
let logged: string[] = [];
beforeEach(() => {
  stub.reset();
  stubMessagingEnv(twilioEnv(stub.baseUrl));
  logged = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  }
});

const rowOf = async (id: string) => (await testDb().db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const sends = (body: string) => stub.requests.filter((r) => r.form.Body === body).length;
const eventsFor = async (type: string, userId: string) =>
  (await testDb().db.select().from(events).where(eq(events.type, type))).filter((e) => e.userId === userId);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

function codeMessage(recipient = "+15551234567") {
  const code = generateCode();
  return { code, message: { channel: "sms" as const, recipient, body: `Your Stepwise code is ${code}`, countryCode: "US", userId: crypto.randomUUID() } };
}

describe("Twilio transport against a local stub", () => {
  it("POSTs the form to the Messages resource with Basic auth, and a 201 marks the message sent with Twilio's sid", async () => {
    const { message } = codeMessage();
    const now = new Date("2030-02-01T12:00:00Z");
    const { id, status } = await enqueueMessage(message, { now });
    expect(status).toBe("sent");

    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/2010-04-01/Accounts/ACstubaccount/Messages.json");
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from("ACstubaccount:stub-auth-token").toString("base64")}`);
    expect(request!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request!.form).toEqual({ To: "+15551234567", From: "+15550006789", Body: message.body });

    expect(await rowOf(id)).toMatchObject({ status: "sent", transport: "twilio", attempts: 1, sentAt: now, providerMessageId: expect.stringMatching(/^SM\d{32}$/) });
    const [sent] = await eventsFor("sms_sent", message.userId);
    expect(sent).toMatchObject({ countryCode: "US", userId: message.userId });
    expect(JSON.parse(sent!.detail!)).toEqual({ transport: "twilio", attempts: 1 });
  });

  it("sends MessagingServiceSid instead of From when a messaging service is configured", async () => {
    stubMessagingEnv(twilioEnv(stub.baseUrl, { TWILIO_FROM: "", TWILIO_MESSAGING_SERVICE_SID: "MGstubservice" }));
    const { message } = codeMessage();
    await enqueueMessage(message);
    expect(stub.requests[0]!.form).toEqual({ To: "+15551234567", MessagingServiceSid: "MGstubservice", Body: message.body });
  });

  it("retries a 500 with a growing backoff and, once Twilio answers 201, sends it exactly once more — nothing lost", async () => {
    const { message } = codeMessage();
    const t0 = new Date("2030-02-02T12:00:00Z");
    stub.reply = () => ({ status: 500, json: { code: 20500, message: "Internal Server Error" } });

    const { id, status } = await enqueueMessage(message, { now: t0 });
    expect(status).toBe("pending");
    const first = await rowOf(id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastError: "twilio: HTTP 500 (Twilio error 20500)" });
    expect(first.nextAttemptAt).toEqual(at(t0, 30_000));

    // Not due yet: nothing is sent.
    expect(await drainOutbox({ now: at(t0, 29_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sends(message.body)).toBe(1);

    const t1 = at(t0, 30_000);
    expect(await drainOutbox({ now: t1 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const second = await rowOf(id);
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt).toEqual(at(t1, 60_000));
    expect(second.nextAttemptAt.getTime() - t1.getTime()).toBeGreaterThan(first.nextAttemptAt.getTime() - t0.getTime());

    stub.reply = () => ({ status: 201, json: { sid: "SMrecovered" } });
    const t2 = at(t1, 60_000);
    expect(await drainOutbox({ now: t2 })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "sent", attempts: 3, providerMessageId: "SMrecovered", sentAt: t2, lastError: null });
    expect(sends(message.body)).toBe(3);

    // Sent is final: later drains never send it again.
    await drainOutbox({ now: at(t2, 24 * 3600_000) });
    expect(sends(message.body)).toBe(3);
    expect(await eventsFor("sms_sent", message.userId)).toHaveLength(1);
  });

  it("gives up after the last attempt, records sms_failed with the country, and stops sending", async () => {
    const { message } = codeMessage("+442071838750");
    stub.reply = () => ({ status: 503, json: {} });
    let now = new Date("2030-02-03T12:00:00Z");
    const { id } = await enqueueMessage({ ...message, countryCode: "GB" }, { now });
    for (let i = 0; i < 10; i++) {
      now = at(now, 24 * 3600_000);
      await drainOutbox({ now });
    }
    expect(await rowOf(id)).toMatchObject({ status: "failed", attempts: 6, lastError: "twilio: HTTP 503" });
    expect(sends(message.body)).toBe(6);
    const failed = await eventsFor("sms_failed", message.userId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ countryCode: "GB" });
    expect(JSON.parse(failed[0]!.detail!)).toEqual({ transport: "twilio", attempts: 6, error: "twilio: HTTP 503" });
  });

  it("fails a 400 at once without retrying, and records sms_failed for the country", async () => {
    const { code, message } = codeMessage("+15550000000");
    stub.reply = () => ({ status: 400, json: { code: 21211, message: `The 'To' number +15550000000 is not valid (body: ${message.body})` } });
    const now = new Date("2030-02-04T12:00:00Z");
    const { id, status } = await enqueueMessage(message, { now });
    expect(status).toBe("failed");
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "twilio: HTTP 400 (Twilio error 21211)" });
    expect(row.lastError).not.toContain(code);

    await drainOutbox({ now: at(now, 3600_000) });
    expect(sends(message.body)).toBe(1);
    expect(await eventsFor("sms_failed", message.userId)).toMatchObject([{ countryCode: "US" }]);
  });

  it("retries a 429, waiting at least as long as Retry-After asks", async () => {
    const { message } = codeMessage();
    stub.reply = () => ({ status: 429, json: { code: 20429 }, headers: { "retry-after": "300" } });
    const now = new Date("2030-02-05T12:00:00Z");
    const { id, status } = await enqueueMessage(message, { now });
    expect(status).toBe("pending");
    expect((await rowOf(id)).nextAttemptAt).toEqual(at(now, 300_000));
  });

  it("treats a timeout as retryable", async () => {
    stub.reply = () => "hang";
    stubMessagingEnv(twilioEnv(stub.baseUrl, { TWILIO_TIMEOUT_MS: "200" }));
    const config = messagingConfig().sms as TwilioConfig;
    const send = twilioTransport(config).send({ id: "x", channel: "sms", recipient: "+15551234567", subject: null, body: "timeout 424242" });
    await expect(send).rejects.toBeInstanceOf(TransportError);
    await expect(send).rejects.toMatchObject({ retryable: true, message: "twilio: no answer within 200 ms" });

    const { message } = codeMessage();
    const now = new Date("2030-02-06T12:00:00Z");
    const { id, status } = await enqueueMessage(message, { now });
    expect(status).toBe("pending");
    expect(await rowOf(id)).toMatchObject({ attempts: 1, lastError: "twilio: no answer within 200 ms", nextAttemptAt: at(now, 30_000) });
  });

  it("treats a refused connection as retryable", async () => {
    stubMessagingEnv(twilioEnv("http://127.0.0.1:1"));
    const { message } = codeMessage();
    const { id, status } = await enqueueMessage(message);
    expect(status).toBe("pending");
    expect((await rowOf(id)).lastError).toBe("twilio: connection failed");
  });

  it("never writes a message body or code to the logs", async () => {
    const { code, message } = codeMessage();
    stub.reply = () => ({ status: 500, json: { message: message.body } });
    await enqueueMessage(message);
    stub.reply = () => ({ status: 400, json: { code: 21614, message: message.body } });
    await drainOutbox({ now: new Date(Date.now() + 3600_000) });
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged.join("\n")).not.toContain(code);
  });
});
