import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { challenges, events, outbox, secondFactorLockouts, sessions, trustedPhones, users, type User } from "@/db/schema";
import { createSession, upgradeSession } from "@/lib/auth/sessions";
import { unsealText } from "@/lib/crypto/secrets";
import { AppError } from "@/lib/errors";
import { drainOutbox } from "@/lib/messaging/deliver-message";
import { listDevInbox } from "@/lib/messaging/list-dev-inbox";
import { failedSecondStepGraceMs } from "@/lib/two-step/notify-failed-second-step";
import { maxConsecutiveFailures, waitAfterFailures } from "@/lib/two-step/code-policy";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import { setupTestDatabase } from "../helpers/test-db";

// Codes are hashed and sealed with a key derived from this secret; messages go to the dev inbox.
process.env.AUTH_SECRET ??= "two-step-tests-secret-two-step-tests-0001";
process.env.SMS_TRANSPORT ??= "dev";
process.env.EMAIL_TRANSPORT ??= "dev";

setupTestDatabase({ seed: "countries" });

const chromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
const request = { ip: "203.0.113.9", country: "FR", userAgent: chromeOnWindows };
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const minutes = 60_000;

/** A 2SV account with a verified US trusted phone and a pending (aal 1) session that passed the password. */
async function makeAccount() {
  const tag = randomBytes(5).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ email: `two-step-${tag}@example.com`, name: `Two Step ${tag}`, countryCode: "US", passwordHash: "x", twoStepEnabledAt: new Date("2024-01-01T00:00:00Z") })
    .returning();
  const e164 = `+1202555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const [phone] = await db.insert(trustedPhones).values({ userId: user!.id, e164, countryCode: "US", verifiedAt: new Date() }).returning();
  const sessionId = await pendingSession(user!);
  return { user: user as User, phoneId: phone!.id, e164, sessionId };
}

const pendingSession = (user: User) => createSession({ userId: user.id, userAgent: chromeOnWindows, ip: request.ip, aal: 1 });

async function sendSms(account: { user: User; phoneId: string; sessionId: string }, now: Date, purpose: "sign_in" | "step_up" = "sign_in", sessionId = account.sessionId) {
  return issueChallenge({ userId: account.user.id, sessionId, purpose, method: "sms", phoneId: account.phoneId, request, now });
}

/** The 6-digit code in the newest SMS to this phone, read from the dev inbox. */
async function lastCode(e164: string) {
  const [message] = await listDevInbox({ to: e164 });
  const code = message?.body?.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code sent to ${e164}`);
  return code;
}

/** A 6-digit code that is not `code`. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  return { code: "no error", details: {} };
}

async function lockoutOf(userId: string) {
  const [row] = await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, userId));
  return row?.consecutiveFailures ?? 0;
}

async function challengeRow(id: string) {
  return (await db.select().from(challenges).where(eq(challenges.id, id)))[0]!;
}

describe("a challenge id from a form", () => {
  it("that is not a UUID names no challenge: NOT_VALID, not a database error", async () => {
    const account = await makeAccount();
    for (const challengeId of ["", "1e+40", "'; drop table challenges; --"]) {
      expect(await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code: "123456" }))).toMatchObject({ code: "NOT_VALID" });
    }
  });
});

describe("code expiry (10 minutes)", () => {
  it("a code verified at 9:59 passes", async () => {
    const account = await makeAccount();
    const t0 = new Date();
    const { challengeId, expiresAt } = await sendSms(account, t0);
    expect(expiresAt.getTime() - t0.getTime()).toBe(10 * minutes);
    const code = await lastCode(account.e164);
    const passed = await verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code, now: later(t0, 9 * minutes + 59_000) });
    expect(passed.consumedAt).not.toBeNull();
  });

  it("the same kind of code verified at 10:01 is EXPIRED, and stays unused", async () => {
    const account = await makeAccount();
    const t0 = new Date();
    const { challengeId } = await sendSms(account, t0);
    const code = await lastCode(account.e164);
    const result = await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code, now: later(t0, 10 * minutes + 1000) }));
    expect(result.code).toBe("EXPIRED");
    expect((await challengeRow(challengeId)).consumedAt).toBeNull();
  });
});

describe("tries per code", () => {
  it("the 6th try on a code is refused (TOO_MANY_TRIES) even with the right code", async () => {
    const account = await makeAccount();
    let now = new Date();
    const { challengeId } = await sendSms(account, now, "step_up");
    const code = await lastCode(account.e164);
    const verify = (value: string) => verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "step_up", code: value, now });
    for (let i = 1; i <= 4; i++) {
      const result = await failure(verify(wrong(code)));
      expect(result).toMatchObject({ code: "WRONG_CODE", details: { triesLeft: 5 - i, failures: i } });
      now = later(now, 1000);
    }
    expect((await failure(verify(wrong(code)))).code).toBe("TOO_MANY_TRIES");
    // Past the 30 s wait that the 5th consecutive failure imposes, so only the per-code limit can refuse it.
    now = later(now, (waitAfterFailures(5) as number) + 1000);
    expect((await failure(verify(code))).code).toBe("TOO_MANY_TRIES");
    const row = await challengeRow(challengeId);
    expect(row.consumedAt).toBeNull();
    expect(row.attempts).toBe(5);
  });
});

describe("a mistyped shape", () => {
  it("five digits or a letter cannot be the code: refused as CODE_FORMAT, no try spent, nothing counted", async () => {
    const account = await makeAccount();
    const now = new Date();
    const { challengeId } = await sendSms(account, now);
    const code = await lastCode(account.e164);
    for (const typed of [code.slice(0, 5), `${code.slice(0, 5)}O`, `${code}1`, ""]) {
      const result = await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code: typed, now }));
      expect(result.code).toBe("CODE_FORMAT");
    }
    expect((await challengeRow(challengeId)).attempts).toBe(0);
    expect(await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, account.user.id))).toEqual([
      expect.objectContaining({ consecutiveFailures: 0 }),
    ]);
    // Spaces are not part of the shape: the right code with one in it still passes.
    await verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code: `${code.slice(0, 3)} ${code.slice(3)}`, now });
    expect((await challengeRow(challengeId)).consumedAt).not.toBeNull();
  });
});

describe("consecutive failures on the account", () => {
  it("the 101st consecutive failure is refused: LOCKED for good, even with the right code and for new codes", async () => {
    const account = await makeAccount();
    let now = new Date();
    let current: { challengeId: string; code: string; tries: number; expiresAt: Date } | undefined;

    const newChallenge = async () => {
      for (;;) {
        try {
          const issued = await sendSms(account, now, "step_up");
          return { challengeId: issued.challengeId, code: await lastCode(account.e164), tries: 0, expiresAt: issued.expiresAt };
        } catch (error) {
          // The cooldown and the hourly cap: wait until the next send is allowed.
          if (!(error instanceof AppError) || error.code !== "RESEND_TOO_SOON") throw error;
          now = new Date(Date.parse(String(error.details.retryAt)) + 1);
        }
      }
    };

    let issued = 0;
    for (let failures = 1; failures <= maxConsecutiveFailures; failures++) {
      if (!current || current.tries >= 5 || current.expiresAt <= now) {
        current = await newChallenge();
        issued += 1;
      }
      const result = await failure(
        verifyChallenge({ challengeId: current.challengeId, sessionId: account.sessionId, purpose: "step_up", code: wrong(current.code), now }),
      );
      current.tries += 1;
      expect(result.code).toBe(current.tries >= 5 ? "TOO_MANY_TRIES" : "WRONG_CODE");
      expect(result.details.failures).toBe(failures);
      const wait = waitAfterFailures(failures);
      if (wait === "locked") break;
      if (wait > 0) {
        // The growing wait is enforced: one second before it ends, even the right code is refused.
        if (current.tries < 5) {
          const early = await failure(
            verifyChallenge({ challengeId: current.challengeId, sessionId: account.sessionId, purpose: "step_up", code: current.code, now: later(now, wait - 1000) }),
          );
          expect(early.code).toBe("LOCKED");
        }
        now = later(now, wait + 1);
      } else {
        now = later(now, 1000);
      }
    }
    expect(issued).toBeGreaterThanOrEqual(20);
    expect(await lockoutOf(account.user.id)).toBe(100);
    // Every failure that started a wait, and the final lock, counted for the dashboard's "locked" outcome.
    const locked = await db.select({ detail: events.detail }).from(events).where(and(eq(events.userId, account.user.id), eq(events.type, "challenge_locked")));
    const waits = Array.from({ length: maxConsecutiveFailures }, (_, i) => waitAfterFailures(i + 1)).filter((w) => w !== 0);
    expect(locked.map((e) => e.detail)).toEqual(waits.map((w) => (w === "locked" ? "for_good" : "wait")));

    // 101st: a fresh code cannot even be sent, and the right code of the last challenge is refused, a year later too.
    now = later(now, 365 * 24 * 60 * minutes);
    expect((await failure(sendSms(account, now, "step_up"))).code).toBe("LOCKED");
    const refused = await failure(verifyChallenge({ challengeId: current!.challengeId, sessionId: account.sessionId, purpose: "step_up", code: current!.code, now }));
    expect(refused).toMatchObject({ code: "LOCKED", details: { retryAt: null } });
    expect(await lockoutOf(account.user.id)).toBe(100);
  }, 120_000);
});

describe("resend", () => {
  it("keeps the failure count: failures before and after a resend add up, and the old code is NOT_VALID", async () => {
    const account = await makeAccount();
    let now = new Date();
    const first = await sendSms(account, now, "step_up");
    const firstCode = await lastCode(account.e164);
    for (let i = 1; i <= 3; i++) {
      expect((await failure(verifyChallenge({ challengeId: first.challengeId, sessionId: account.sessionId, purpose: "step_up", code: wrong(firstCode), now }))).details.failures).toBe(i);
    }
    now = later(now, 30_000);
    const second = await sendSms(account, now, "step_up");
    const secondCode = await lastCode(account.e164);
    expect(second.challengeId).not.toBe(first.challengeId);
    expect(await lockoutOf(account.user.id)).toBe(3);

    // The replaced code no longer works.
    const old = await failure(verifyChallenge({ challengeId: first.challengeId, sessionId: account.sessionId, purpose: "step_up", code: firstCode, now }));
    expect(old.code).toBe("NOT_VALID");
    expect((await challengeRow(first.challengeId)).consumedAt).toBeNull();

    // Failures on the new code continue the count from 3 (a fresh count would say 1 and 2).
    for (const expected of [4, 5]) {
      const result = await failure(verifyChallenge({ challengeId: second.challengeId, sessionId: account.sessionId, purpose: "step_up", code: wrong(secondCode), now }));
      expect(result).toMatchObject({ code: "WRONG_CODE", details: { failures: expected } });
    }
    expect(await lockoutOf(account.user.id)).toBe(5);
    // The 5th consecutive failure starts a wait, across the resend.
    expect((await failure(verifyChallenge({ challengeId: second.challengeId, sessionId: account.sessionId, purpose: "step_up", code: secondCode, now: later(now, 1000) }))).code).toBe("LOCKED");
    // After it, the new code passes and a success resets the count.
    await verifyChallenge({ challengeId: second.challengeId, sessionId: account.sessionId, purpose: "step_up", code: secondCode, now: later(now, 31_000) });
    expect(await lockoutOf(account.user.id)).toBe(0);
  });

  it("is refused within the 30 s cooldown (RESEND_TOO_SOON) and allowed at 30 s", async () => {
    const account = await makeAccount();
    const t0 = new Date();
    await sendSms(account, t0);
    const tooSoon = await failure(sendSms(account, later(t0, 29_000)));
    expect(tooSoon).toMatchObject({ code: "RESEND_TOO_SOON", details: { retryAt: later(t0, 30_000).toISOString() } });
    await expect(sendSms(account, later(t0, 30_000))).resolves.toMatchObject({ method: "sms" });
    expect(await db.select().from(challenges).where(eq(challenges.userId, account.user.id))).toHaveLength(2);
  });

  it("is capped at 10 sends an hour: the 11th within the hour is refused, allowed once the first is an hour old", async () => {
    const account = await makeAccount();
    const t0 = new Date();
    for (let i = 0; i < 10; i++) await sendSms(account, later(t0, i * 31_000));
    const eleventh = await failure(sendSms(account, later(t0, 10 * 31_000)));
    expect(eleventh).toMatchObject({ code: "RESEND_TOO_SOON", details: { retryAt: later(t0, 60 * minutes).toISOString() } });
    const sends = await db.select().from(outbox).where(and(eq(outbox.recipient, account.e164), eq(outbox.channel, "sms")));
    expect(sends).toHaveLength(10);
    await expect(sendSms(account, later(t0, 60 * minutes + 1))).resolves.toMatchObject({ method: "sms" });
  });
});

describe("binding to the attempt", () => {
  it("a code issued for one attempt (session A) is refused in another (session B)", async () => {
    const account = await makeAccount();
    const sessionB = await pendingSession(account.user);
    const now = new Date();
    const { challengeId } = await sendSms(account, now);
    const code = await lastCode(account.e164);
    const other = await failure(verifyChallenge({ challengeId, sessionId: sessionB, purpose: "sign_in", code, now }));
    expect(other.code).toBe("NOT_VALID");
    // Nor for another purpose of the same session.
    expect((await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "step_up", code, now }))).code).toBe("NOT_VALID");
    expect((await challengeRow(challengeId)).consumedAt).toBeNull();
    // B's try did not use up A's code.
    const passed = await verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code, now: later(now, 1000) });
    expect(passed.sessionId).toBe(account.sessionId);
  });
});

describe("single use under concurrency", () => {
  it("20 concurrent submits of one valid code upgrade exactly one session", async () => {
    const account = await makeAccount();
    const now = new Date();
    const { challengeId } = await sendSms(account, now);
    const code = await lastCode(account.e164);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, async () => {
        await verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code, now: later(now, 1000) });
        const upgraded = await upgradeSession({ pendingSessionId: account.sessionId });
        if (!upgraded) throw new Error("not upgraded");
        return upgraded;
      }),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "NOT_VALID" });
    const rows = await db.select().from(sessions).where(eq(sessions.userId, account.user.id));
    const upgraded = rows.filter((s) => s.aal === 2);
    expect(upgraded).toHaveLength(1);
    expect(upgraded[0]).toMatchObject({ id: (ok[0] as PromiseFulfilledResult<string>).value, upgradedFrom: account.sessionId, revokedAt: null });
    expect(rows.find((s) => s.id === account.sessionId)?.revokedAt).not.toBeNull();
  });
});

describe("codes stay secret", () => {
  it("no code value in captured logs during issue, a failed verification and a passed one", async () => {
    const account = await makeAccount();
    const captured: string[] = [];
    const capture = (...args: unknown[]) => {
      captured.push(args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a) ?? String(a))).join(" "));
    };
    for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation(capture);
    const write = (chunk: unknown) => {
      captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(write as typeof process.stdout.write);
    vi.spyOn(process.stderr, "write").mockImplementation(write as typeof process.stderr.write);

    const now = new Date();
    const { challengeId } = await sendSms(account, now);
    const code = await lastCode(account.e164);
    expect(code).toMatch(/^\d{6}$/);
    // A wrong code on a sign-in attempt also sends the owner an email.
    await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code: wrong(code), now }));
    await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code: `${code}x`, now }));
    await verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code, now });
    // The capture works (so an absent code means nothing logged it), then nothing logged the code.
    console.log("capture-check");
    process.stderr.write("capture-check-stderr");
    vi.restoreAllMocks();
    const text = captured.join("\n");
    expect(text).toContain("capture-check");
    expect(text).toContain("capture-check-stderr");
    expect(text).not.toContain(code);
  });

  it("DB columns hold hashes, not codes: challenges and outbox rows never contain the 6-digit code", async () => {
    const account = await makeAccount();
    const device = await trustDevice({ userId: account.user.id, token: randomBytes(32).toString("base64url"), label: "Firefox on Linux" });
    expect(device.id).toBeTruthy();
    const now = new Date();
    const sms = await sendSms(account, now);
    const smsCode = await lastCode(account.e164);
    const otherSession = await pendingSession(account.user);
    const pushed = await issueChallenge({ userId: account.user.id, sessionId: otherSession, purpose: "sign_in", method: "device", request, now: later(now, 31_000) });
    const pushedRow = await challengeRow(pushed.challengeId);
    const pushedCode = unsealText(pushedRow.sealedCode!);
    expect(pushedCode).toMatch(/^\d{6}$/);
    await failure(verifyChallenge({ challengeId: sms.challengeId, sessionId: account.sessionId, purpose: "sign_in", code: wrong(smsCode), now }));

    const rows = {
      challenges: await db.select().from(challenges).where(eq(challenges.userId, account.user.id)),
      outbox: await db.select().from(outbox).where(eq(outbox.userId, account.user.id)).orderBy(desc(outbox.createdAt)),
    };
    expect(rows.challenges).toHaveLength(2);
    expect(rows.outbox.length).toBeGreaterThanOrEqual(1);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(smsCode);
    expect(dump).not.toContain(pushedCode);
    for (const row of rows.challenges) {
      expect(row.codeHash).not.toMatch(/^\d{6}$/);
      expect(row.codeHash.length).toBeGreaterThanOrEqual(40);
    }
    // The codes are only recoverable through the server key (the dev inbox and the trusted device).
    expect(rows.outbox.some((r) => unsealText(r.body).includes(smsCode))).toBe(true);
  });
});

describe("owner notified of a wrong code", () => {
  it("a wrong code on a sign_in challenge queues exactly one email to the owner (first failure only) naming the browser", async () => {
    const account = await makeAccount();
    const now = new Date();
    const { challengeId } = await sendSms(account, now);
    const code = await lastCode(account.e164);
    const emails = () => db.select().from(outbox).where(and(eq(outbox.recipient, account.user.email), eq(outbox.channel, "email")));
    expect(await emails()).toHaveLength(0);
    for (let i = 0; i < 3; i++) {
      await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "sign_in", code: wrong(code), now: later(now, i * 1000) }));
    }
    const sent = await emails();
    expect(sent).toHaveLength(1);
    const body = unsealText(sent[0]!.body);
    expect(body).toContain("Chrome 120 on Windows");
    expect(body).toContain("France, IP address 203.0.113.9");
    expect(body).not.toContain(code);
  });

  it("the email waits out the grace: a mistyped code put right in time sends nothing; a sign-in left unfinished is told, once", async () => {
    const emailsTo = (user: User) => db.select().from(outbox).where(and(eq(outbox.recipient, user.email), eq(outbox.channel, "email")));
    const now = new Date();

    // The owner mistypes, then types the right code a few seconds later: the notice is called off, never sent.
    const owner = await makeAccount();
    const first = await sendSms(owner, now);
    const ownerCode = await lastCode(owner.e164);
    await failure(verifyChallenge({ challengeId: first.challengeId, sessionId: owner.sessionId, purpose: "sign_in", code: wrong(ownerCode), now }));
    await verifyChallenge({ challengeId: first.challengeId, sessionId: owner.sessionId, purpose: "sign_in", code: ownerCode, now: later(now, 5000) });
    expect(await upgradeSession({ pendingSessionId: owner.sessionId, now: later(now, 5000) })).not.toBeNull();
    await drainOutbox({ now: later(now, failedSecondStepGraceMs + 1000) });
    expect((await emailsTo(owner.user)).map((m) => [m.status, m.sentAt])).toEqual([["expired", null]]);

    // Someone else with the password: wrong codes on two challenges, no success. Nothing goes before the grace is
    // over (a new challenge does not push it back), then one email goes.
    const intruder = await makeAccount();
    for (const at of [0, 60_000]) {
      const { challengeId } = await sendSms(intruder, later(now, at));
      await failure(verifyChallenge({ challengeId, sessionId: intruder.sessionId, purpose: "sign_in", code: wrong(await lastCode(intruder.e164)), now: later(now, at) }));
    }
    await drainOutbox({ now: later(now, failedSecondStepGraceMs - 1000) });
    expect((await emailsTo(intruder.user)).map((m) => m.status)).toEqual(["pending"]);
    await drainOutbox({ now: later(now, failedSecondStepGraceMs) });
    expect((await emailsTo(intruder.user)).map((m) => m.status)).toEqual(["sent"]);
  });

  it("no email for a wrong code on a step-up challenge", async () => {
    const account = await makeAccount();
    const now = new Date();
    const { challengeId } = await sendSms(account, now, "step_up");
    const code = await lastCode(account.e164);
    await failure(verifyChallenge({ challengeId, sessionId: account.sessionId, purpose: "step_up", code: wrong(code), now }));
    expect(await db.select().from(outbox).where(and(eq(outbox.recipient, account.user.email), eq(outbox.channel, "email")))).toHaveLength(0);
  });
});
