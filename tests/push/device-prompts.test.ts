import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { challenges, events, trustedDevices } from "@/db/schema";
import { findActiveSession, revokeOtherSessions, revokeSession } from "@/lib/auth/sessions";
import { unsealText } from "@/lib/crypto/secrets";
import { denyChallenge } from "@/lib/two-step/push/deny-challenge";
import { findPromptReceiver, receivesCodesForMs } from "@/lib/two-step/push/find-prompt-receiver";
import { listDevicePrompts } from "@/lib/two-step/push/list-device-prompts";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { revokeTrustedDevice } from "@/lib/two-step/trusted-devices";
import { verifyChallenge } from "@/lib/two-step/verify-challenge";
import { setupTestDatabase } from "../helpers/test-db";
import { challengeRow, errorCode, later, makeUser, newDeviceToken, pushedCode, trustedBrowser } from "./fixtures";

setupTestDatabase({ seed: "countries" });

describe("findPromptReceiver: who may see pushed codes", () => {
  const receiverOf = (browser: { sessionId: string; token: string }, now?: Date) =>
    findPromptReceiver({ sessionId: browser.sessionId, deviceToken: browser.token, now });

  it("a full (aal 2) session of the owner in one of the owner's trusted browsers", async () => {
    const owner = await makeUser();
    const browser = await trustedBrowser(owner);
    expect(await receiverOf(browser)).toEqual({ userId: owner.id, deviceId: browser.device.id, sessionId: browser.sessionId });
  });

  it("nobody else: no session, a pending session, a signed-out session, no or an unknown device cookie", async () => {
    const owner = await makeUser();
    const browser = await trustedBrowser(owner);
    const pending = await trustedBrowser(owner, { aal: 1 });
    expect(await findPromptReceiver({ sessionId: null, deviceToken: browser.token })).toBeNull();
    expect(await findPromptReceiver({ sessionId: "not a session id", deviceToken: browser.token })).toBeNull();
    expect(await receiverOf(pending)).toBeNull();
    expect(await findPromptReceiver({ sessionId: browser.sessionId, deviceToken: null })).toBeNull();
    expect(await findPromptReceiver({ sessionId: browser.sessionId, deviceToken: newDeviceToken() })).toBeNull();
    await revokeSession({ userId: owner.id, sessionId: browser.sessionId });
    expect(await receiverOf(browser)).toBeNull();
  });

  it("keeps receiving after its session timed out, until 30 days after that sign-in", async () => {
    const t0 = new Date();
    const owner = await makeUser();
    const browser = await trustedBrowser(owner);
    const hour = 3_600_000;
    // Two hours idle: the account's pages want the password again, but the browser still shows pushed codes.
    expect(await findActiveSession(browser.sessionId, later(t0, 2 * hour), { touch: false })).toBeNull();
    expect(await receiverOf(browser, later(t0, 2 * hour))).toMatchObject({ userId: owner.id });
    expect(await receiverOf(browser, later(t0, receivesCodesForMs - hour))).toMatchObject({ userId: owner.id });
    expect(await receiverOf(browser, later(t0, receivesCodesForMs + hour))).toBeNull();
  });

  it("stops when the browser is signed out from another device", async () => {
    const owner = await makeUser();
    const laptop = await trustedBrowser(owner);
    const phone = await trustedBrowser(owner);
    await revokeOtherSessions({ userId: owner.id, keepSessionId: phone.sessionId });
    expect(await receiverOf(laptop)).toBeNull();
    expect(await receiverOf(phone)).toMatchObject({ userId: owner.id });
  });

  it("an account without 2SV: its ordinary (aal 1) session is not enough", async () => {
    const user = await makeUser({ twoStep: false });
    const browser = await trustedBrowser(user, { aal: 1 });
    expect(await receiverOf(browser)).toBeNull();
  });

  it("not another account: a full session of B in a browser that A trusts sees nothing of A's", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const aBrowser = await trustedBrowser(a);
    const bBrowser = await trustedBrowser(b);
    await pushedCode(a);
    // B signed in on A's trusted browser (same cookie): the cookie is trusted for A, not for B.
    expect(await findPromptReceiver({ sessionId: bBrowser.sessionId, deviceToken: aBrowser.token })).toBeNull();
    const bReceiver = await receiverOf(bBrowser);
    expect(bReceiver?.userId).toBe(b.id);
    expect(await listDevicePrompts({ userId: bReceiver!.userId })).toEqual([]);
  });

  it("not a revoked trusted browser, nor one that does not receive codes", async () => {
    const owner = await makeUser();
    const revoked = await trustedBrowser(owner);
    const quiet = await trustedBrowser(owner, { receivesCodes: false });
    await revokeTrustedDevice({ userId: owner.id, deviceId: revoked.device.id });
    expect(await receiverOf(revoked)).toBeNull();
    expect(await receiverOf(quiet)).toBeNull();
  });
});

describe("listDevicePrompts", () => {
  it("shows the asking browser, its place, the time and the code that verifies on the asking browser", async () => {
    const t0 = new Date();
    const owner = await makeUser();
    await trustedBrowser(owner);
    const { sessionId, challengeId } = await pushedCode(owner, { now: t0 });
    const [prompt, ...rest] = await listDevicePrompts({ userId: owner.id, now: later(t0, 1000) });
    expect(rest).toEqual([]);
    expect(prompt).toMatchObject({
      id: challengeId,
      purpose: "sign_in",
      browser: { browser: "Chrome 120", system: "Windows 10" },
      country: "FR",
      ip: "203.0.113.9",
      createdAt: t0.toISOString(),
    });
    expect(prompt!.code).toMatch(/^\d{6}$/);

    await verifyChallenge({ challengeId, sessionId, purpose: "sign_in", code: prompt!.code, now: later(t0, 2000) });
    expect(await listDevicePrompts({ userId: owner.id, now: later(t0, 3000) })).toEqual([]);
  });

  it("a browser never sees the code it asked for itself (a step-up needs something held elsewhere)", async () => {
    const owner = await makeUser();
    const desk = await trustedBrowser(owner);
    const laptop = await trustedBrowser(owner);
    const { challengeId } = await pushedCode(owner, { sessionId: desk.sessionId, purpose: "step_up" });
    expect(await listDevicePrompts({ userId: owner.id, viewerSessionId: desk.sessionId })).toEqual([]);
    const [prompt] = await listDevicePrompts({ userId: owner.id, viewerSessionId: laptop.sessionId });
    expect(prompt).toMatchObject({ id: challengeId, purpose: "step_up" });
  });

  it("an unknown place is null, so the prompt says 'unknown location' with the address", async () => {
    const owner = await makeUser();
    await trustedBrowser(owner);
    await pushedCode(owner, { country: null, ip: "192.0.2.44" });
    const [prompt] = await listDevicePrompts({ userId: owner.id });
    expect(prompt).toMatchObject({ country: null, ip: "192.0.2.44" });
  });

  it("leaves out expired, replaced and SMS codes, and other accounts' codes", async () => {
    const t0 = new Date();
    const owner = await makeUser();
    const other = await makeUser();
    await trustedBrowser(owner);
    await trustedBrowser(other);
    const first = await pushedCode(owner, { now: t0 });
    // A resend 30 s later replaces the first code of the same attempt.
    const resent = await issueChallenge({
      userId: owner.id,
      sessionId: first.sessionId,
      purpose: "sign_in",
      method: "device",
      request: { ip: null, country: null, userAgent: "" },
      now: later(t0, 31_000),
    });
    await pushedCode(other, { now: t0 });
    await db.insert(challenges).values({
      userId: owner.id,
      sessionId: "sms-attempt",
      purpose: "sign_in",
      method: "sms",
      codeHash: "h",
      expiresAt: later(t0, 600_000),
      createdAt: t0,
    });
    expect((await listDevicePrompts({ userId: owner.id, now: later(t0, 32_000) })).map((p) => p.id)).toEqual([resent.challengeId]);
    // 10 minutes after the resend the code is gone from every trusted browser.
    expect(await listDevicePrompts({ userId: owner.id, now: later(t0, 31_000 + 600_000) })).toEqual([]);
    expect(await listDevicePrompts({ userId: owner.id, now: later(t0, 31_000 + 599_000) })).toHaveLength(1);
  });
});

describe("denyChallenge ('Don't allow')", () => {
  it("blocks the attempt at once: the right code is refused as DENIED and the sealed copy is erased", async () => {
    const t0 = new Date();
    const owner = await makeUser();
    await trustedBrowser(owner);
    const { sessionId, challengeId } = await pushedCode(owner, { now: t0 });
    const [prompt] = await listDevicePrompts({ userId: owner.id, now: t0 });

    expect(await denyChallenge({ userId: owner.id, challengeId, now: later(t0, 5000) })).toBe(true);
    const row = await challengeRow(challengeId);
    expect(row.deniedAt?.getTime()).toBe(later(t0, 5000).getTime());
    expect(row.sealedCode).toBeNull();
    expect(await errorCode(verifyChallenge({ challengeId, sessionId, purpose: "sign_in", code: prompt!.code, now: later(t0, 6000) }))).toBe("DENIED");
    expect((await challengeRow(challengeId)).consumedAt).toBeNull();
    expect(await listDevicePrompts({ userId: owner.id, now: later(t0, 7000) })).toEqual([]);
    // Denying twice does nothing more.
    expect(await denyChallenge({ userId: owner.id, challengeId, now: later(t0, 8000) })).toBe(false);

    const denials = await db.select().from(events).where(eq(events.userId, owner.id));
    expect(denials.filter((e) => e.type === "challenge_denied")).toEqual([expect.objectContaining({ method: "device", detail: "sign_in" })]);
  });

  it("cannot touch another account's attempt, a used code or a malformed id", async () => {
    const t0 = new Date();
    const owner = await makeUser();
    const stranger = await makeUser();
    await trustedBrowser(owner);
    const { sessionId, challengeId } = await pushedCode(owner, { now: t0 });
    expect(await denyChallenge({ userId: stranger.id, challengeId, now: t0 })).toBe(false);
    expect((await challengeRow(challengeId)).deniedAt).toBeNull();

    const [prompt] = await listDevicePrompts({ userId: owner.id, now: t0 });
    await verifyChallenge({ challengeId, sessionId, purpose: "sign_in", code: prompt!.code, now: later(t0, 1000) });
    expect(await denyChallenge({ userId: owner.id, challengeId, now: later(t0, 2000) })).toBe(false);
    expect((await challengeRow(challengeId)).deniedAt).toBeNull();
    expect(await denyChallenge({ userId: owner.id, challengeId: "'; drop table challenges; --", now: t0 })).toBe(false);
  });
});

describe("pushed codes at rest", () => {
  it("the database never holds the code in clear: only its keyed hash and an AES-GCM sealed copy", async () => {
    const t0 = new Date();
    const owner = await makeUser();
    await trustedBrowser(owner);
    const { challengeId } = await pushedCode(owner, { now: t0 });
    const [prompt] = await listDevicePrompts({ userId: owner.id, now: t0 });
    const code = prompt!.code;
    const row = await challengeRow(challengeId);

    expect(JSON.stringify(row)).not.toContain(code);
    expect(row.codeHash).not.toContain(code);
    expect(row.sealedCode).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(unsealText(row.sealedCode!)).toBe(code);
    // Same code sealed twice looks different (random IV): equal codes cannot be spotted across rows.
    const { sealText } = await import("@/lib/crypto/secrets");
    expect(sealText(code)).not.toBe(row.sealedCode);
    // No other table picked the code up either (a push sends no SMS or email).
    const { outbox } = await import("@/db/schema");
    expect(JSON.stringify(await db.select().from(outbox))).not.toContain(code);
    expect(JSON.stringify(await db.select().from(trustedDevices))).not.toContain(code);
  });
});
