// Fault test: the SMS provider is down (HTTP 500s, then requests that hang past the adapter's timeout), then recovers.
// Real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), the real Twilio adapter (lib/messaging/transports/
// twilio.ts) pointed through TWILIO_API_BASE at a node:http stub on 127.0.0.1, and the real outbox worker
// (drainOutbox) driven with a fake clock: no sleep ever waits for a backoff. The only real waiting is the adapter's
// own timeout on a hung request, set to 1 s here.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { challenges, events, outbox, trustedPhones, users, type User } from "@/db/schema";
import { codeSendState } from "@/lib/account-changes/code-send-state";
import { createSession } from "@/lib/auth/sessions";
import { drainOutbox } from "@/lib/messaging/deliver-message";
import { backoffMs, claimLeaseMs } from "@/lib/messaging/retry-policy";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { textProblemOf } from "@/lib/two-step/text-delivery";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import { setupTestDatabase } from "../helpers/test-db";
import { stubMessagingEnv } from "../messaging/messaging-env";
import { setupTwilioStub, twilioEnv, type StubReply } from "../messaging/twilio-stub";

const testDb = setupTestDatabase({ seed: "countries" });
const stub = setupTwilioStub();
const timeoutMs = 1_000;

// Node loads its fetch implementation on first use; do that once so the first send's timeout measures the stub only.
beforeAll(async () => {
  await fetch(`${stub.baseUrl}/warm-up`, { method: "POST", body: "" }).then((r) => r.arrayBuffer());
});

beforeEach(async () => {
  // drainOutbox serves the whole queue: each test starts from an empty one, so only its own messages are in play.
  await testDb().db.delete(outbox);
  stub.reset();
  stubMessagingEnv(twilioEnv(stub.baseUrl, { TWILIO_TIMEOUT_MS: String(timeoutMs) }));
  // The worker logs one line per failed attempt; keep the output quiet (the lines are checked in tests/messaging).
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
});

const request = { ip: "203.0.113.7", country: "US", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" };
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** A 2SV account with a verified US phone and a session that passed the password (pending the second step). */
async function makeAccount() {
  const tag = randomBytes(5).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ email: `outage-${tag}@example.com`, name: `Outage ${tag}`, countryCode: "US", passwordHash: "x", twoStepEnabledAt: new Date("2024-01-01T00:00:00Z") })
    .returning();
  const e164 = `+1202555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const [phone] = await db.insert(trustedPhones).values({ userId: user!.id, e164, countryCode: "US", verifiedAt: new Date() }).returning();
  const sessionId = await createSession({ userId: user!.id, userAgent: request.userAgent, ip: request.ip, aal: 1 });
  return { user: user as User, phoneId: phone!.id, e164, sessionId };
}

/** Stub script: answer the i-th request (0-based, across all messages) with script[i], then 201 with a fresh sid. */
function script(replies: StubReply[]) {
  let i = 0;
  let sids = 0;
  const accepted: string[] = [];
  stub.reply = (req) => {
    const reply = replies[i++];
    if (reply) return reply;
    accepted.push(req.form.Body!);
    return { status: 201, json: { sid: `SMfault${String(++sids).padStart(27, "0")}`, status: "queued" } };
  };
  return { accepted };
}

const error500: StubReply = { status: 500, json: { code: 20500, message: "Internal Server Error" } };
const rowsFor = (userId: string) => testDb().db.select().from(outbox).where(eq(outbox.userId, userId)).orderBy(outbox.createdAt);
const rowOf = async (id: string) => (await testDb().db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const codeIn = (body: string) => body.match(/\b(\d{6})\b/)![1]!;
const requestsFor = (e164: string) => stub.requests.filter((r) => r.form.To === e164);

describe("SMS provider outage: 500s and hung requests, then recovery", () => {
  it("keeps the code queued, retries on a growing backoff without ever sending twice at once, and delivers it once the provider recovers", async () => {
    const account = await makeAccount();
    // Outage: the first send gets a 500, the next two hang past the adapter's timeout, the 4th gets a 500; then 201.
    const { accepted } = script([error500, "hang", "hang", error500]);

    // "Send code" on the second step: the challenge is issued and the SMS queued, but the provider refused it.
    const before = Date.now();
    const issued = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request });
    // What the second step shows as "delayed" (see the last test).
    expect(issued.delivery).toBe("pending");
    const [queued] = await rowsFor(account.user.id);
    expect(queued).toMatchObject({ status: "pending", transport: "twilio", attempts: 1, lastError: "twilio: HTTP 500 (Twilio error 20500)", sentAt: null });
    expect(queued!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    // issueChallenge sends on the real clock: the first retry is due 30 s after that send failed.
    const firstWait = queued!.nextAttemptAt.getTime() - queued!.createdAt.getTime();
    expect(firstWait).toBeGreaterThanOrEqual(backoffMs(1));
    expect(firstWait).toBeLessThan(backoffMs(1) + 10_000);
    const code = codeIn(requestsFor(account.e164)[0]!.form.Body!);

    // The worker runs on a fake clock from here. Before the retry is due, nothing is sent.
    let now = at(queued!.nextAttemptAt, -1);
    expect(await drainOutbox({ now })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(requestsFor(account.e164)).toHaveLength(1);

    // Attempts 2 and 3 hang: the adapter gives up after its timeout (bounded), and each wait is longer than the last.
    const schedule: { attempt: number; waitMs: number; lastError: string | null }[] = [{ attempt: 1, waitMs: backoffMs(1), lastError: queued!.lastError }];
    for (const attempt of [2, 3, 4]) {
      now = (await rowOf(queued!.id)).nextAttemptAt;
      const started = performance.now();
      expect(await drainOutbox({ now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const tookMs = performance.now() - started;
      const row = await rowOf(queued!.id);
      expect(row.status).toBe("pending");
      expect(row.attempts).toBe(attempt);
      schedule.push({ attempt, waitMs: row.nextAttemptAt.getTime() - now.getTime(), lastError: row.lastError });
      if (attempt < 4) {
        expect(row.lastError).toBe(`twilio: no answer within ${timeoutMs} ms`);
        // A hung provider costs one timeout, not the claim lease, and never blocks the worker for long.
        expect(tookMs).toBeGreaterThanOrEqual(timeoutMs - 50);
        expect(tookMs).toBeLessThan(5_000);
      }
      // Not due one millisecond early.
      expect(await drainOutbox({ now: at(row.nextAttemptAt, -1) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(requestsFor(account.e164)).toHaveLength(attempt);
    }
    expect(schedule).toEqual([
      { attempt: 1, waitMs: 30_000, lastError: "twilio: HTTP 500 (Twilio error 20500)" },
      { attempt: 2, waitMs: 60_000, lastError: `twilio: no answer within ${timeoutMs} ms` },
      { attempt: 3, waitMs: 120_000, lastError: `twilio: no answer within ${timeoutMs} ms` },
      { attempt: 4, waitMs: 240_000, lastError: "twilio: HTTP 500 (Twilio error 20500)" },
    ]);
    for (let i = 1; i < schedule.length; i++) expect(schedule[i]!.waitMs).toBeGreaterThan(schedule[i - 1]!.waitMs);

    // Every try carried the same body: one message, retried — never a second message or a second code.
    expect(new Set(requestsFor(account.e164).map((r) => r.form.Body))).toEqual(new Set([`${requestsFor(account.e164)[0]!.form.Body}`]));

    // The provider is back. Two workers (instances) wake at the same instant: exactly one claims and sends it.
    now = (await rowOf(queued!.id)).nextAttemptAt;
    // On PostgreSQL the second worker has its own connection pool, as another instance would.
    const otherInstance = testDb.driver === "postgres" ? testDb.connectAgain().db : undefined;
    const [a, b] = await Promise.all([drainOutbox({ now }), drainOutbox({ now, db: otherInstance })]);
    expect(a.sent + b.sent).toBe(1);
    expect(a.retrying + b.retrying + a.failed + b.failed).toBe(0);
    const delivered = await rowOf(queued!.id);
    expect(delivered).toMatchObject({ status: "sent", attempts: 5, sentAt: now, lastError: null, providerMessageId: expect.stringMatching(/^SMfault/) });
    expect(accepted).toHaveLength(1);
    expect(codeIn(accepted[0]!)).toBe(code);

    // Sent is final: a day of further worker ticks sends nothing more.
    for (let h = 1; h <= 24; h++) await drainOutbox({ now: at(now, h * 3_600_000) });
    expect(requestsFor(account.e164)).toHaveLength(5);
    const sentEvents = await db.select().from(events).where(and(eq(events.type, "sms_sent"), eq(events.userId, account.user.id)));
    expect(sentEvents).toHaveLength(1);
    expect(JSON.parse(sentEvents[0]!.detail!)).toEqual({ transport: "twilio", attempts: 5 });
    expect(await db.select().from(events).where(and(eq(events.type, "sms_failed"), eq(events.userId, account.user.id)))).toHaveLength(0);

    // The code that finally arrived (4.5 min of fake time after it was issued) still signs in: TTL is 10 min.
    const passed = await verifyChallenge({ challengeId: issued.challengeId, sessionId: account.sessionId, purpose: "sign_in", code, now: at(queued!.createdAt, 5 * 60_000) });
    expect(passed.consumedAt).not.toBeNull();
  });

  it("a claimed message stays invisible to other workers while its send hangs, so a slow provider never causes a second send", async () => {
    const account = await makeAccount();
    script(["hang"]);
    const issued = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request });
    expect(issued.delivery).toBe("pending");
    const [row] = await rowsFor(account.user.id);
    // During the hung send the row was leased: the claim pushed nextAttemptAt past the lease before calling out.
    // Re-create that moment: a claim now, with the stub hanging, and a second worker polling meanwhile.
    const t = row!.nextAttemptAt;
    script(["hang"]);
    const first = drainOutbox({ now: t });
    // Let the first worker's claim commit and its HTTP request reach the stub, then poll with a second worker.
    await vi.waitFor(() => expect(requestsFor(account.e164)).toHaveLength(2), { timeout: 2_000, interval: 10 });
    const leased = await rowOf(row!.id);
    expect(leased.attempts).toBe(2);
    expect(leased.nextAttemptAt).toEqual(at(t, claimLeaseMs));
    expect(await drainOutbox({ now: at(t, 1_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(requestsFor(account.e164)).toHaveLength(2);
    expect((await rowOf(row!.id)).nextAttemptAt).toEqual(at(t, backoffMs(2)));
  });

  it("the user can ask for a new code during the outage; on recovery only the newest code's text goes out, and it works", async () => {
    const account = await makeAccount();
    const { accepted } = script([error500, error500, error500]);
    const first = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request });
    expect(first.delivery).toBe("pending");
    const firstCode = codeIn(requestsFor(account.e164)[0]!.form.Body!);

    // "Send a new code" right away is refused by the resend cooldown (30 s), with the time it opens.
    await expect(
      issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request }),
    ).rejects.toMatchObject({ code: "RESEND_TOO_SOON" });

    // After the cooldown (fake clock for the challenge) the resend is accepted; the provider still refuses it.
    const resendAt = at(new Date(), 31_000);
    const second = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request, now: resendAt });
    expect(second.delivery).toBe("pending");
    const secondCode = codeIn(requestsFor(account.e164)[1]!.form.Body!);
    expect(secondCode).not.toBe(firstCode);
    const replaced = (await db.select().from(challenges).where(eq(challenges.id, first.challengeId)))[0]!;
    expect(replaced.replacedAt).toEqual(resendAt);

    // The first text, whose code no longer works, was dropped from the queue when the new one was queued.
    const [firstRow, secondRow] = await rowsFor(account.user.id);
    expect(firstRow).toMatchObject({ status: "expired", lastError: "replaced by a newer message", sentAt: null });
    expect(secondRow).toMatchObject({ status: "pending" });

    // One more failed worker pass, then recovery: the waiting text goes out exactly once, and nothing else does.
    expect(await drainOutbox({ now: (await rowOf(secondRow!.id)).nextAttemptAt })).toMatchObject({ sent: 0, retrying: 1 });
    const recovery = (await rowOf(secondRow!.id)).nextAttemptAt;
    expect(await drainOutbox({ now: recovery })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await rowsFor(account.user.id)).map((r) => r.status)).toEqual(["expired", "sent"]);
    expect(accepted.map(codeIn)).toEqual([secondCode]);
    expect(requestsFor(account.e164).filter((r) => codeIn(r.form.Body!) === firstCode)).toHaveLength(1);

    const passed = await verifyChallenge({ challengeId: second.challengeId, sessionId: account.sessionId, purpose: "sign_in", code: secondCode, now: at(resendAt, 60_000) });
    expect(passed.consumedAt).not.toBeNull();
  });

  it("a long outage: a text still waiting when its code expires is dropped, never delivered late", async () => {
    const account = await makeAccount();
    const { accepted } = script([error500, error500, error500, error500, error500]);
    const issued = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request });
    const [queued] = await rowsFor(account.user.id);
    expect(queued!.expiresAt).toEqual(issued.expiresAt);
    // Attempts 2–5 fail at 30, 90, 210 and 450 s; attempt 6 would be due at 930 s, after the code's 10 minutes.
    let now = queued!.nextAttemptAt;
    for (let attempt = 2; attempt <= 5; attempt++) {
      expect(await drainOutbox({ now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      now = (await rowOf(queued!.id)).nextAttemptAt;
    }
    expect(now.getTime()).toBeGreaterThan(issued.expiresAt.getTime());
    // One millisecond before the expiry the text is still waiting; at the expiry it is dropped.
    expect(await drainOutbox({ now: at(issued.expiresAt, -1) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await rowOf(queued!.id)).status).toBe("pending");
    expect(await drainOutbox({ now: issued.expiresAt })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await rowOf(queued!.id)).toMatchObject({ status: "expired", attempts: 5, lastError: "expired before it could be sent", sentAt: null });

    // The provider is back when the 6th attempt was due: nothing is sent, then or later.
    for (const t of [now, at(now, 3_600_000)]) expect(await drainOutbox({ now: t })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(accepted).toHaveLength(0);
    expect(requestsFor(account.e164)).toHaveLength(5);
  });

  it("a number the provider refuses for good: the second step says the text could not be sent, not that it is delayed", async () => {
    const account = await makeAccount();
    script([{ status: 400, json: { code: 21211, message: "The 'To' number is not a valid phone number." } }]);
    const issued = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request });
    expect(issued.delivery).toBe("failed");
    expect(await rowOf((await rowsFor(account.user.id))[0]!.id)).toMatchObject({ status: "failed", attempts: 1 });
    // What the verify action and the step-up forms put in their state (lib/account-changes/code-send-state.ts).
    expect(codeSendState(issued, "sms", []).textProblem).toBe("failed");
    // And during an outage, "delayed": the text may still arrive.
    script([error500]);
    const later = await issueChallenge({ userId: account.user.id, sessionId: account.sessionId, purpose: "sign_in", method: "sms", phoneId: account.phoneId, request, now: at(new Date(), 31_000) });
    expect(codeSendState(later, "sms", []).textProblem).toBe("delayed");
    expect(textProblemOf("sent")).toBeUndefined();
    expect(textProblemOf("pushed")).toBeUndefined();
  });
});
