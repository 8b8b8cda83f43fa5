import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { events, passkeys, secondFactorLockouts, sessions, users, webauthnChallenges, type User } from "@/db/schema";
import { createSession, findActiveSession } from "@/lib/auth/sessions";
import { finishPasskeyRegistration } from "@/lib/two-step/passkeys/finish-passkey-registration";
import { listPasskeys } from "@/lib/two-step/passkeys/list-passkeys";
import { passkeyConfig, PasskeyConfigError } from "@/lib/two-step/passkeys/passkey-config";
import { removePasskey } from "@/lib/two-step/passkeys/remove-passkey";
import { renamePasskey } from "@/lib/two-step/passkeys/rename-passkey";
import { signInWithPasskey } from "@/lib/two-step/passkeys/sign-in-with-passkey";
import { startPasskeyAuthentication } from "@/lib/two-step/passkeys/start-passkey-authentication";
import { startPasskeyRegistration } from "@/lib/two-step/passkeys/start-passkey-registration";
import { verifyPasskeyAssertion } from "@/lib/two-step/passkeys/verify-passkey-assertion";
import { setupTestDatabase } from "../helpers/test-db";
import { errorCode, makeUser, minutes, at } from "../step-up/fixtures";
import { SoftAuthenticator } from "./soft-authenticator";

process.env.WEBAUTHN_ORIGIN = "http://localhost:3000";
delete process.env.WEBAUTHN_RP_ID;

// The route reads the Auth.js session; here it is whichever session the test says.
const browser = vi.hoisted(() => ({ sessionId: null as string | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentSession: async () => (browser.sessionId ? findActiveSession(browser.sessionId) : null),
}));
const { POST } = await import("@/app/api/webauthn/authenticate/route");

setupTestDatabase({ seed: "countries" });

beforeEach(() => {
  browser.sessionId = null;
});

const session = (user: User, aal: 1 | 2 = 2) => createSession({ userId: user.id, userAgent: "vitest", ip: "192.0.2.1", aal });

/** A 2SV account (a phone and a Recovery Key) with one passkey registered from `key` through its own session. */
async function accountWithPasskey(key = new SoftAuthenticator()) {
  const { user } = await makeUser({ twoStep: { recoveryKey: "ABCD-EFGH-JKLM-NP" } });
  const sessionId = await session(user);
  const options = await startPasskeyRegistration({ userId: user.id, ownerKey: sessionId });
  const added = await finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "Laptop", response: key.register(options) });
  return { user, sessionId, key, passkeyId: added.id };
}

async function signInOptions(ownerKey: string, userId: string, now?: Date) {
  return startPasskeyAuthentication({ ownerKey, purpose: "sign_in", userId, now });
}

const storedKey = async (id: string) => (await db.select().from(passkeys).where(eq(passkeys.id, id)))[0]!;
const eventsOf = (userId: string, type: "challenge_passed" | "challenge_failed" | "passkey_added" | "passkey_removed") =>
  db.select().from(events).where(and(eq(events.userId, userId), eq(events.type, type)));

describe("passkeyConfig", () => {
  it("defaults to this machine: http://localhost:$PORT, RP id localhost", () => {
    expect(passkeyConfig({})).toEqual({ rpID: "localhost", rpName: "Stepwise", origins: ["http://localhost:3000"] });
    expect(passkeyConfig({ PORT: "4000" }).origins).toEqual(["http://localhost:4000"]);
  });

  it("takes several origins and the RP id from the first one's host, or as set when it is a parent domain", () => {
    expect(passkeyConfig({ WEBAUTHN_ORIGIN: "https://example.com/, https://accounts.example.com:8443" })).toEqual({
      rpID: "example.com",
      rpName: "Stepwise",
      origins: ["https://example.com", "https://accounts.example.com:8443"],
    });
    expect(passkeyConfig({ WEBAUTHN_ORIGIN: "https://a.example.com,https://b.example.com", WEBAUTHN_RP_ID: "example.com" }).rpID).toBe("example.com");
  });

  it("refuses an RP id the browser would refuse, and an origin that is not a URL, in one line", () => {
    expect(() => passkeyConfig({ WEBAUTHN_ORIGIN: "https://example.com", WEBAUTHN_RP_ID: "evil.test" })).toThrow(PasskeyConfigError);
    expect(() => passkeyConfig({ WEBAUTHN_ORIGIN: "https://a.example.com, https://other.test" })).toThrow(/WEBAUTHN_RP_ID a\.example\.com/);
    expect(() => passkeyConfig({ WEBAUTHN_ORIGIN: "example.com" })).toThrow(/not a URL/);
    expect(() => passkeyConfig({ WEBAUTHN_ORIGIN: "ftp://example.com" })).toThrow(/http/);
  });
});

describe("registration", () => {
  it("asks for a discoverable, user-verified credential and stores it with its passkey_added event", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: "ABCD-EFGH-JKLM-NP" } });
    const sessionId = await session(user);
    const key = new SoftAuthenticator();
    const options = await startPasskeyRegistration({ userId: user.id, ownerKey: sessionId });
    expect(options.rp).toEqual({ id: "localhost", name: "Stepwise" });
    expect(options.user).toEqual({ id: Buffer.from(user.id.replace(/-/g, ""), "hex").toString("base64url"), name: user.email, displayName: user.name });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "required" });
    expect(options.attestation).toBe("none");
    expect(options.excludeCredentials).toEqual([]);

    const added = await finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "  Work   laptop ", response: key.register(options) });
    const row = await storedKey(added.id);
    expect(row).toMatchObject({ userId: user.id, credentialId: key.id, name: "Work laptop", counter: 0, transports: ["internal"], deviceType: "singleDevice", backedUp: false });
    expect(row.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await eventsOf(user.id, "passkey_added")).toHaveLength(1);

    // The next registration asks the browser not to offer this authenticator again, and the server refuses it anyway.
    const again = await startPasskeyRegistration({ userId: user.id, ownerKey: sessionId });
    expect(again.excludeCredentials).toEqual([{ id: key.id, type: "public-key", transports: ["internal"] }]);
    expect(await errorCode(finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "Again", response: key.register(again) }))).toBe("ALREADY_REGISTERED");
  });

  it("records a synced passkey as multi-device", async () => {
    const { user } = await makeUser();
    const sessionId = await session(user);
    const key = new SoftAuthenticator(undefined, true);
    const added = await finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "Phone", response: key.register(await startPasskeyRegistration({ userId: user.id, ownerKey: sessionId })) });
    expect(await storedKey(added.id)).toMatchObject({ deviceType: "multiDevice", backedUp: true });
  });

  it("checks the name first (1–60 characters), so fixing it needs no new touch of the key", async () => {
    const { user } = await makeUser();
    const sessionId = await session(user);
    const response = new SoftAuthenticator().register(await startPasskeyRegistration({ userId: user.id, ownerKey: sessionId }));
    expect(await errorCode(finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "   ", response }))).toBe("NAME_REQUIRED");
    expect(await errorCode(finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "x".repeat(61), response }))).toBe("NAME_TOO_LONG");
    const added = await finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "x".repeat(60), response });
    expect(added.name).toHaveLength(60);
  });

  it("refuses an authenticator that did not verify the user, another session's challenge, and another origin", async () => {
    const { user } = await makeUser();
    const sessionId = await session(user);
    const otherSession = await session(user);
    const key = new SoftAuthenticator();
    const start = () => startPasskeyRegistration({ userId: user.id, ownerKey: sessionId });
    const finish = (response: unknown, ownerKey = sessionId) => errorCode(finishPasskeyRegistration({ userId: user.id, ownerKey, name: "Key", response }));
    expect(await finish(key.register(await start(), { uv: false }))).toBe("REGISTRATION_FAILED");
    expect(await finish(key.register(await start()), otherSession)).toBe("REGISTRATION_FAILED");
    expect(await finish(key.register(await start(), { origin: "https://evil.test" }))).toBe("REGISTRATION_FAILED");
    expect(await finish({ not: "a credential" })).toBe("REGISTRATION_FAILED");
    expect(await listPasskeys(user.id)).toEqual([]);
  });
});

describe("verifyPasskeyAssertion", () => {
  it("passes, stores the counter and last use, clears the account's failures and remembers the method, in one go", async () => {
    const { user, sessionId, key, passkeyId } = await accountWithPasskey();
    await db.insert(secondFactorLockouts).values({ userId: user.id, consecutiveFailures: 7 });
    const options = await signInOptions(sessionId, user.id);
    expect(options.allowCredentials).toEqual([{ id: key.id, type: "public-key", transports: ["internal"] }]);
    expect(options.userVerification).toBe("required");

    const now = new Date();
    const result = await verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response: key.assert(options, { counter: 5 }), now });
    expect(result).toEqual({ userId: user.id, passkeyId });
    expect(await storedKey(passkeyId)).toMatchObject({ counter: 5, lastUsedAt: now });
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.lastSecondFactor).toBe("passkey");
    expect((await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id)))[0]!.consecutiveFailures).toBe(0);
    expect(await eventsOf(user.id, "challenge_passed")).toEqual([expect.objectContaining({ method: "passkey", detail: "sign_in" })]);
  });

  it("refuses a signature counter that did not grow (a cloned authenticator) and keeps the stored one", async () => {
    const { user, sessionId, key, passkeyId } = await accountWithPasskey();
    await verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response: key.assert(await signInOptions(sessionId, user.id), { counter: 5 }) });
    for (const counter of [5, 4]) {
      const response = key.assert(await signInOptions(sessionId, user.id), { counter });
      expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response }))).toBe("PASSKEY_FAILED");
    }
    expect((await storedKey(passkeyId)).counter).toBe(5);
    expect(await eventsOf(user.id, "challenge_failed")).toEqual([
      expect.objectContaining({ method: "passkey", detail: "sign_in" }),
      expect.objectContaining({ method: "passkey", detail: "sign_in" }),
    ]);
  });

  it("refuses an answer without user verification", async () => {
    const { user, sessionId, key } = await accountWithPasskey();
    const response = key.assert(await signInOptions(sessionId, user.id), { uv: false });
    expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response }))).toBe("PASSKEY_FAILED");
  });

  it("refuses a challenge given to another session or for another purpose", async () => {
    const { user, sessionId, key } = await accountWithPasskey();
    const otherSession = await session(user, 1);
    const forOther = key.assert(await signInOptions(otherSession, user.id));
    expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response: forOther }))).toBe("PASSKEY_FAILED");
    const forStepUp = key.assert(await startPasskeyAuthentication({ ownerKey: sessionId, purpose: "step_up", userId: user.id }));
    expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response: forStepUp }))).toBe("PASSKEY_FAILED");
    // Shown for the wrong purpose, the challenge is spent: it cannot be replayed for the right one either.
    expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "step_up", userId: user.id, response: forStepUp }))).toBe("PASSKEY_FAILED");
  });

  it("accepts a challenge once, even when the same answer arrives twice at the same moment", async () => {
    const { user, sessionId, key } = await accountWithPasskey();
    // Counter 0: an authenticator that keeps none (as synced passkeys do), so only the challenge can stop a replay.
    const response = key.assert(await signInOptions(sessionId, user.id), { counter: 0 });
    const verify = () => verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response });
    const outcomes = await Promise.allSettled([verify(), verify()]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await errorCode(verify())).toBe("PASSKEY_FAILED");
    const [challenge] = await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.ownerKey, sessionId));
    expect(challenge!.usedAt).toBeInstanceOf(Date);
  });

  it("refuses a challenge after its 5 minutes", async () => {
    const { user, sessionId, key } = await accountWithPasskey();
    const t0 = new Date();
    const early = key.assert(await signInOptions(sessionId, user.id, t0));
    await verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response: early, now: at(t0, minutes(4)) });
    const late = key.assert(await signInOptions(sessionId, user.id, t0));
    expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response: late, now: at(t0, minutes(5)) }))).toBe("PASSKEY_FAILED");
  });

  it("refuses another account's passkey, and offers nothing to an account without passkeys", async () => {
    const mine = await accountWithPasskey();
    const theirs = await accountWithPasskey();
    const response = theirs.key.assert(await signInOptions(mine.sessionId, mine.user.id));
    expect(await errorCode(verifyPasskeyAssertion({ ownerKey: mine.sessionId, purpose: "sign_in", userId: mine.user.id, response }))).toBe("PASSKEY_FAILED");
    expect((await storedKey(theirs.passkeyId)).lastUsedAt).toBeNull();
    const { user: bare } = await makeUser();
    expect(await errorCode(signInOptions(await session(bare, 1), bare.id))).toBe("NO_PASSKEY");
  });

  it("refuses garbage without a 500", async () => {
    const { user, sessionId } = await accountWithPasskey();
    for (const response of [null, "text", { id: "x" }, { id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: "!!" } }]) {
      expect(await errorCode(verifyPasskeyAssertion({ ownerKey: sessionId, purpose: "sign_in", userId: user.id, response }))).toBe("PASSKEY_FAILED");
    }
  });
});

describe("passwordless sign-in", () => {
  it("finds the account from the passkey alone and opens a full (aal 2) session", async () => {
    const { user, key, passkeyId } = await accountWithPasskey();
    const attemptId = randomBytes(32).toString("base64url");
    const options = await startPasskeyAuthentication({ ownerKey: attemptId, purpose: "passwordless" });
    expect(options.allowCredentials).toEqual([]);
    const signedIn = await signInWithPasskey({ attemptId, response: JSON.stringify(key.assert(options)), ip: "192.0.2.7", userAgent: "vitest" });
    expect(signedIn.user.id).toBe(user.id);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, signedIn.sessionId));
    expect(row).toMatchObject({ userId: user.id, aal: 2, ip: "192.0.2.7" });
    expect((await storedKey(passkeyId)).counter).toBe(1);
    expect(await eventsOf(user.id, "challenge_passed")).toEqual([expect.objectContaining({ detail: "passwordless" })]);
  });

  it("refuses an account without 2SV, a missing attempt cookie, and another attempt's challenge — all alike", async () => {
    const { user, key } = await accountWithPasskey();
    const attempt = () => randomBytes(32).toString("base64url");
    const signIn = (attemptId: string | null, response: unknown) => errorCode(signInWithPasskey({ attemptId, response, ip: null, userAgent: "" }));

    const a = attempt();
    expect(await signIn(null, key.assert(await startPasskeyAuthentication({ ownerKey: a, purpose: "passwordless" })))).toBe("PASSKEY_FAILED");
    expect(await signIn(attempt(), key.assert(await startPasskeyAuthentication({ ownerKey: a, purpose: "passwordless" })))).toBe("PASSKEY_FAILED");

    await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, user.id));
    const b = attempt();
    expect(await signIn(b, key.assert(await startPasskeyAuthentication({ ownerKey: b, purpose: "passwordless" })))).toBe("PASSKEY_FAILED");
    expect((await db.select().from(sessions).where(eq(sessions.userId, user.id))).filter((s) => s.userAgent === "")).toEqual([]);
  });
});

describe("managing passkeys", () => {
  it("renames (trimmed, 1–60 characters) only the owner's passkey", async () => {
    const { user, passkeyId } = await accountWithPasskey();
    const { user: other } = await makeUser();
    expect(await renamePasskey({ userId: user.id, passkeyId, name: "  Blue key " })).toEqual({ id: passkeyId, name: "Blue key" });
    expect(await errorCode(renamePasskey({ userId: user.id, passkeyId, name: "" }))).toBe("NAME_REQUIRED");
    expect(await errorCode(renamePasskey({ userId: other.id, passkeyId, name: "Mine now" }))).toBe("NOT_FOUND");
    expect((await storedKey(passkeyId)).name).toBe("Blue key");
  });

  it("with 2SV on, refuses to remove the last factor; removes a passkey when another factor is left", async () => {
    // 2SV on with nothing but the passkey.
    const { user } = await makeUser();
    await db.update(users).set({ twoStepEnabledAt: new Date() }).where(eq(users.id, user.id));
    const sessionId = await session(user);
    const key = new SoftAuthenticator();
    const only = await finishPasskeyRegistration({ userId: user.id, ownerKey: sessionId, name: "Only", response: key.register(await startPasskeyRegistration({ userId: user.id, ownerKey: sessionId })) });
    expect(await errorCode(removePasskey({ userId: user.id, passkeyId: only.id }))).toBe("LAST_FACTOR");
    expect(await listPasskeys(user.id)).toHaveLength(1);

    // The account with a phone too can let it go; another account's id is not found.
    const withPhone = await accountWithPasskey();
    expect(await errorCode(removePasskey({ userId: user.id, passkeyId: withPhone.passkeyId }))).toBe("NOT_FOUND");
    await removePasskey({ userId: withPhone.user.id, passkeyId: withPhone.passkeyId });
    expect(await listPasskeys(withPhone.user.id)).toEqual([]);
    expect(await eventsOf(withPhone.user.id, "passkey_removed")).toHaveLength(1);

    // Without 2SV a passkey is never anyone's last factor.
    await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, user.id));
    await removePasskey({ userId: user.id, passkeyId: only.id });
    expect(await listPasskeys(user.id)).toEqual([]);
  });
});

describe("POST /api/webauthn/authenticate", () => {
  const post = (body: unknown, headers: Record<string, string> = { "sec-fetch-site": "same-origin", origin: "http://localhost:3000", host: "localhost:3000" }) =>
    POST(new Request("http://localhost:3000/api/webauthn/authenticate", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.4", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }));

  it("answers bad input with 400 and cross-site requests with 403, never a 500", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ purpose: "register" })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post({ purpose: "passwordless" }, { "sec-fetch-site": "cross-site", origin: "https://evil.test", host: "localhost:3000" })).status).toBe(403);
  });

  it("passwordless: options with an empty allow-list, bound to a fresh httpOnly 5-minute cookie", async () => {
    const response = await post({ purpose: "passwordless" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^stepwise_passkey=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Max-Age=300/);
    const attemptId = cookie.match(/^stepwise_passkey=([^;]+)/)![1]!;
    const options = (await response.json()) as { challenge: string; allowCredentials: unknown[] };
    expect(options.allowCredentials).toEqual([]);
    const [row] = await db.select().from(webauthnChallenges).where(eq(webauthnChallenges.ownerKey, attemptId));
    expect(row).toMatchObject({ purpose: "passwordless", challenge: options.challenge, userId: null });
  });

  it("over HTTPS the attempt's cookie is Secure and named __Host- (set by this host only, on every path)", async () => {
    const response = await post({ purpose: "passwordless" }, { "sec-fetch-site": "same-origin", origin: "https://localhost:3000", host: "localhost:3000", "x-forwarded-proto": "https" });
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^__Host-stepwise_passkey=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("sign_in needs a session pending its second step; step_up a full one", async () => {
    const { user, key } = await accountWithPasskey();
    expect((await post({ purpose: "sign_in" })).status).toBe(401);
    const pending = await session(user, 1);
    const full = await session(user, 2);

    browser.sessionId = full;
    expect((await post({ purpose: "sign_in" })).status).toBe(401);
    const stepUp = await post({ purpose: "step_up" });
    expect(stepUp.status).toBe(200);
    const options = (await stepUp.json()) as { challenge: string; rpId: string; allowCredentials: { id: string }[] };
    expect(options.allowCredentials.map((c) => c.id)).toEqual([key.id]);
    expect(await verifyPasskeyAssertion({ ownerKey: full, purpose: "step_up", userId: user.id, response: key.assert(options as never) })).toMatchObject({ userId: user.id });

    browser.sessionId = pending;
    expect((await post({ purpose: "step_up" })).status).toBe(401);
    expect((await post({ purpose: "sign_in" })).status).toBe(200);
  });
});
