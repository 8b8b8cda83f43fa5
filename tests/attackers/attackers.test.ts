import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { desc, eq } from "drizzle-orm";
import { challenges, secondFactorLockouts, trustedPhones, users, type User } from "@/db/schema";
import { confirmSignUp } from "@/lib/accounts/confirm-sign-up";
import { requestSignUp } from "@/lib/accounts/request-sign-up";
import { signUpEmailsPerAddress, signUpTriesPerAddress } from "@/lib/accounts/sign-up-policy";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { hashPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { listDevInbox } from "@/lib/messaging/list-dev-inbox";
import { maxConsecutiveFailures, maxSendsPerHour } from "@/lib/two-step/code-policy";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { setupTextsPerNumberPerDay } from "@/lib/two-step/limit-setup-texts";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import { setupTestDatabase } from "../helpers/test-db";

/**
 * Scripted attackers (issue 7), each given a day of fake time and the best strategy against our limits: jump the
 * clock to the moment a refusal names, then try again. Every instance reads the same rows, so what one attacker
 * gets here is what it gets spread over any number of instances (e2e/cluster proves the sharing through nginx).
 * Each prints its figures and is held to the limits of the 2SV issue.
 */
process.env.AUTH_SECRET ??= "attacker-tests-secret-attacker-tests-0001";
process.env.SMS_TRANSPORT ??= "dev";
process.env.EMAIL_TRANSPORT ??= "dev";

setupTestDatabase({ seed: "countries" });

const day = 24 * 60 * 60_000;
const attackerRequest = { ip: "198.51.100.66", country: "US", userAgent: "attack-script/1.0" };

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return { code: String(error.code), retryAt: (error.details as { retryAt?: string | null } | undefined)?.retryAt };
    throw error;
  }
}

/** A 2SV account with a trusted phone, and the attacker's session that already passed the password (stolen). */
async function victimWithStolenPassword() {
  const tag = randomBytes(5).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ email: `victim-${tag}@example.com`, name: "Victim", countryCode: "US", passwordHash: "x", twoStepEnabledAt: new Date("2024-01-01T00:00:00Z") })
    .returning();
  const e164 = `+1202555${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const [phone] = await db.insert(trustedPhones).values({ userId: user!.id, e164, countryCode: "US", verifiedAt: new Date() }).returning();
  const sessionId = await createSession({ userId: user!.id, userAgent: attackerRequest.userAgent, ip: attackerRequest.ip, aal: 1 });
  return { user: user as User, phoneId: phone!.id, e164, sessionId };
}

async function lastCode(e164: string) {
  const [message] = await listDevInbox({ to: e164 });
  return message!.body!.match(/\b(\d{6})\b/)![1]!;
}

describe("OTP guessing with the password already stolen", () => {
  it("gets at most 100 guesses, ever, and far fewer in a day", async () => {
    const victim = await victimWithStolenPassword();
    const start = new Date("2026-03-01T00:00:00Z");
    let now = start;
    let lockedForGood = false;
    const guessCode = async (challengeId: string, code: string) => {
      const refused = await refusal(verifyChallenge({ challengeId, sessionId: victim.sessionId, purpose: "sign_in", code, now }));
      if (!refused) throw new Error("a wrong code passed");
      return refused;
    };
    while (now.getTime() - start.getTime() < day && !lockedForGood) {
      const sendRefused = await refusal(issueChallenge({ userId: victim.user.id, sessionId: victim.sessionId, purpose: "sign_in", method: "sms", phoneId: victim.phoneId, request: attackerRequest, now }));
      if (sendRefused) {
        if (sendRefused.code === "LOCKED" && !sendRefused.retryAt) lockedForGood = true;
        else now = new Date(Math.max(now.getTime() + 1_000, Date.parse(sendRefused.retryAt ?? "") || 0));
        continue;
      }
      const code = await lastCode(victim.e164);
      const [challengeId] = await listChallenges(victim.sessionId);
      // A wrong guess each time (the code is read to avoid the one-in-a-million real hit), until this code is refused.
      const guess = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      for (let refused = await guessCode(challengeId!, guess); ; refused = await guessCode(challengeId!, guess)) {
        if (refused.code === "WRONG_CODE") continue;
        if (refused.code === "LOCKED") {
          if (!refused.retryAt) lockedForGood = true;
          else now = new Date(Date.parse(refused.retryAt));
        }
        break;
      }
    }
    // Every guess that was checked counts as one consecutive failure on the account.
    const guesses = await consecutiveFailures(victim.user.id);
    const perDay = guesses / 1_000_000;
    console.log(`OTP guessing: ${guesses} guesses in 24 h (locked for good: ${lockedForGood}); P(success) ≤ ${perDay.toExponential(1)} per day, ≤ ${(maxConsecutiveFailures / 1e6).toExponential(0)} ever`);
    expect(guesses).toBeGreaterThan(5);
    expect(guesses).toBeLessThan(maxConsecutiveFailures);
  }, 120_000);
});

async function consecutiveFailures(userId: string) {
  const [row] = await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, userId));
  return row?.consecutiveFailures ?? 0;
}

async function listChallenges(sessionId: string) {
  const rows = await db.select({ id: challenges.id }).from(challenges).where(eq(challenges.sessionId, sessionId)).orderBy(desc(challenges.createdAt));
  return rows.map((r) => r.id);
}

describe("credential stuffing from one IP across many accounts", () => {
  it("checks at most the per-IP limit of passwords per window, then names when to come back", async () => {
    const { SIGNIN_IP_LIMIT, SIGNIN_WINDOW_MINUTES } = env();
    const hash = await hashPassword("Correct-Horse-Battery-9");
    const emails = Array.from({ length: SIGNIN_IP_LIMIT + 20 }, (_, i) => `stuffed-${i}-${randomBytes(3).toString("hex")}@example.com`);
    await db.insert(users).values(emails.slice(0, 40).map((email) => ({ email, name: "Stuffed", countryCode: "US", passwordHash: hash })));
    const now = new Date("2026-03-02T00:00:00Z");
    let checked = 0;
    let retryAt: string | null | undefined;
    for (const email of emails) {
      const refused = await refusal(authenticateWithPassword({ email, password: "Leaked-Password-123", ip: attackerRequest.ip, userAgent: attackerRequest.userAgent, now }));
      if (refused?.code === "INVALID_CREDENTIALS") checked++;
      else {
        retryAt = refused?.retryAt;
        break;
      }
    }
    const perDay = (SIGNIN_IP_LIMIT * day) / (SIGNIN_WINDOW_MINUTES * 60_000);
    console.log(`credential stuffing: ${checked} passwords checked from one IP before the block (limit ${SIGNIN_IP_LIMIT} per ${SIGNIN_WINDOW_MINUTES} min → ≤ ${perDay} per day per IP, ≤ ${env().SIGNIN_ACCOUNT_LIMIT} per account per window)`);
    expect(checked).toBeLessThanOrEqual(SIGNIN_IP_LIMIT);
    expect(checked).toBeGreaterThanOrEqual(SIGNIN_IP_LIMIT - 1);
    expect(Date.parse(retryAt ?? "")).toBeGreaterThan(now.getTime());
  }, 300_000);
});

describe("SMS and push bombing", () => {
  for (const method of ["sms", "device"] as const) {
    it(`sends at most ${maxSendsPerHour} ${method} codes an hour to one account`, async () => {
      const victim = await victimWithStolenPassword();
      await trustDevice({ userId: victim.user.id, token: randomBytes(32).toString("base64url"), label: "Victim's laptop" });
      const start = new Date("2026-03-03T00:00:00Z");
      const sends: number[] = [];
      for (let now = start; now.getTime() - start.getTime() < day; ) {
        const refused = await refusal(issueChallenge({ userId: victim.user.id, sessionId: victim.sessionId, purpose: "sign_in", method, phoneId: method === "sms" ? victim.phoneId : undefined, request: attackerRequest, now }));
        if (refused && refused.code !== "RESEND_TOO_SOON") throw new Error(`unexpected refusal ${refused.code}`);
        if (!refused) sends.push(now.getTime());
        now = new Date(Math.max(now.getTime() + 1_000, Date.parse(refused?.retryAt ?? "") || 0));
      }
      const busiestHour = Math.max(...sends.map((t) => sends.filter((u) => u >= t && u < t + 60 * 60_000).length));
      console.log(`${method} bombing: ${sends.length} codes in 24 h to one account, ${busiestHour} in the busiest hour`);
      expect(busiestHour).toBeLessThanOrEqual(maxSendsPerHour);
      expect(sends.length).toBeLessThanOrEqual(maxSendsPerHour * 24);
    }, 300_000);
  }
});

describe("SMS pumping through the phone step", () => {
  /** An account of the attacker's own at the phone step, with `e164` added but not verified. */
  async function accountAdding(e164: string) {
    const tag = randomBytes(5).toString("hex");
    const [user] = await db.insert(users).values({ email: `pump-${tag}@example.com`, name: "Pump", countryCode: "US", passwordHash: "x" }).returning();
    const [phone] = await db.insert(trustedPhones).values({ userId: user!.id, e164, countryCode: "US" }).returning();
    const sessionId = await createSession({ userId: user!.id, userAgent: attackerRequest.userAgent, ip: attackerRequest.ip, aal: 1 });
    return { userId: user!.id, phoneId: phone!.id, sessionId };
  }
  const textTo = (account: Awaited<ReturnType<typeof accountAdding>>, request: typeof attackerRequest, now: Date) =>
    refusal(issueChallenge({ userId: account.userId, sessionId: account.sessionId, purpose: "enroll_phone", method: "sms", phoneId: account.phoneId, request, now }));

  it(`texts one unverified number at most ${setupTextsPerNumberPerDay} times a day, however many accounts and IPs ask`, async () => {
    const premium = "+19005550142";
    const now = new Date("2026-03-04T00:00:00Z");
    const outcomes = [];
    for (let i = 0; i < setupTextsPerNumberPerDay + 5; i++) {
      outcomes.push(await textTo(await accountAdding(premium), { ...attackerRequest, ip: `203.0.113.${i + 1}` }, now));
    }
    const sent = outcomes.filter((o) => o === null).length;
    console.log(`SMS pumping, one number: ${sent} texts in a day from ${outcomes.length} accounts on as many IPs`);
    expect(sent).toBe(setupTextsPerNumberPerDay);
    expect(outcomes.at(-1)).toEqual({ code: "RESEND_TOO_SOON", retryAt: new Date(now.getTime() + day).toISOString() });
    expect((await listDevInbox({ to: premium })).length).toBe(setupTextsPerNumberPerDay);
  }, 120_000);

  it("counts only texts that go out: an account's refused resends do not use up a number's day", async () => {
    const victims = "+19005550177";
    const account = await accountAdding(victims);
    const now = new Date("2026-03-06T00:00:00Z");
    const outcomes = [];
    for (let i = 0; i < setupTextsPerNumberPerDay + 2; i++) outcomes.push(await textTo(account, attackerRequest, new Date(now.getTime() + i * 1000)));
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    // The owner, with an account of their own, can still set the number up.
    expect(await textTo(await accountAdding(victims), { ...attackerRequest, ip: "203.0.113.200" }, now)).toBeNull();
  });

  it("texts unverified numbers from one IP at most PHONE_SETUP_IP_LIMIT times an hour, across accounts", async () => {
    const now = new Date("2026-03-05T00:00:00Z");
    const ip = { ...attackerRequest, ip: "198.51.100.99" };
    const outcomes = [];
    for (let i = 0; i < env().PHONE_SETUP_IP_LIMIT + 3; i++) {
      outcomes.push(await textTo(await accountAdding(`+1900555${String(1000 + i)}`), ip, now));
    }
    const sent = outcomes.filter((o) => o === null).length;
    console.log(`SMS pumping, one IP: ${sent} texts in an hour from ${outcomes.length} accounts`);
    expect(sent).toBe(env().PHONE_SETUP_IP_LIMIT);
    expect(outcomes.at(-1)).toMatchObject({ code: "RESEND_TOO_SOON" });
  }, 120_000);
});

describe("sign-up takeover and mail bombing", () => {
  it("gets at most twenty guesses a day at the code for someone else's address, from any number of IPs, and sends it at most five emails an hour", async () => {
    const target = `someone-${randomBytes(4).toString("hex")}@example.com`;
    const start = new Date("2026-03-04T00:00:00Z");
    let guesses = 0;
    let requests = 0;
    // Every half hour from a fresh IP (so the per-IP limit never bites): a sign-up for the target, then every try
    // the request allows. The attacker never sees the emailed code; it guesses "000000".
    for (let now = start; now.getTime() - start.getTime() < day; now = new Date(now.getTime() + 30 * 60_000)) {
      const { requestId } = await requestSignUp({ name: "Not Them", email: target, password: "Copper-Lantern-Harbor-4471", country: "US", ip: `203.0.113.${requests++ % 250}`, now });
      for (let i = 0; i < 6; i++) {
        try {
          await confirmSignUp({ requestId, code: "000000", ip: attackerRequest.ip, userAgent: attackerRequest.userAgent, now });
        } catch (error) {
          const { code, details } = error as AppError;
          // A try the code was checked against: wrong, or wrong and the request's last.
          if (code === "WRONG_CODE" || (code === "TOO_MANY_TRIES" && details.triesLeft === 0)) guesses++;
          else if (code !== "TOO_MANY_TRIES") throw error;
        }
      }
    }
    const emails = (await listDevInbox({ to: target })).map((m) => m.createdAt.getTime());
    const busiestHour = Math.max(...emails.map((t) => emails.filter((u) => u >= t && u < t + 60 * 60_000).length));
    console.log(`sign-up takeover: ${guesses} code guesses in 24 h against one address from ${requests} requests; P(success) ≤ ${(guesses / 1e6).toExponential(1)} per day; ${emails.length} emails to it, ${busiestHour} in the busiest hour`);
    expect(guesses).toBeLessThanOrEqual(signUpTriesPerAddress);
    expect(busiestHour).toBeLessThanOrEqual(signUpEmailsPerAddress);
    expect(await db.select().from(users).where(eq(users.email, target))).toHaveLength(0);
  }, 300_000);
});
