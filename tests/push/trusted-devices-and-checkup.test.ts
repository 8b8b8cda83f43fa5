import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listRecentSignIns } from "@/app/(account)/account/load-security-checkup";
import { assessAccountSecurity, type CheckupFacts } from "@/app/(account)/account/security-checkup";
import { db } from "@/db";
import { authenticatorApps, countries, events, trustedDevices, trustedPhones } from "@/db/schema";
import { createSession, upgradeSession } from "@/lib/auth/sessions";
import { removeTrustedDevice } from "@/lib/two-step/push/remove-trusted-device";
import { setupTestDatabase } from "../helpers/test-db";
import { errorCode, makeUser, trustedBrowser } from "./fixtures";

setupTestDatabase({ seed: "countries" });

describe("removeTrustedDevice", () => {
  it("stops trusting the browser (no pushed codes, no skipped second step) and records it", async () => {
    const owner = await makeUser();
    const keep = await trustedBrowser(owner);
    const drop = await trustedBrowser(owner);
    await db.update(trustedDevices).set({ rememberUntil: new Date(Date.now() + 86_400_000) }).where(eq(trustedDevices.id, drop.device.id));
    await removeTrustedDevice({ userId: owner.id, deviceId: drop.device.id });
    const [row] = await db.select().from(trustedDevices).where(eq(trustedDevices.id, drop.device.id));
    expect(row!.revokedAt).toBeInstanceOf(Date);
    expect(row!.rememberUntil).toBeNull();
    const [kept] = await db.select().from(trustedDevices).where(eq(trustedDevices.id, keep.device.id));
    expect(kept!.revokedAt).toBeNull();
    expect((await db.select().from(events).where(eq(events.userId, owner.id))).map((e) => e.type)).toContain("device_revoked");
  });

  it("with 2SV on, refuses to remove the last phone or device that can receive codes", async () => {
    const owner = await makeUser();
    const only = await trustedBrowser(owner);
    expect(await errorCode(removeTrustedDevice({ userId: owner.id, deviceId: only.device.id }))).toBe("LAST_FACTOR");
    const [row] = await db.select().from(trustedDevices).where(eq(trustedDevices.id, only.device.id));
    expect(row!.revokedAt).toBeNull();

    // A verified trusted phone is another way in: now the browser may go.
    await db.insert(trustedPhones).values({ userId: owner.id, e164: "+12025550123", countryCode: "US", verifiedAt: new Date() });
    await removeTrustedDevice({ userId: owner.id, deviceId: only.device.id });
  });

  it("judges the last factor as every other removal does: an authenticator app counts, a phone no carrier reaches does not", async () => {
    const owner = await makeUser();
    const browser = await trustedBrowser(owner);
    // Monaco's carriers are not reached (smsSupported false in the seed): its phone cannot receive the code.
    const [monaco] = await db.select().from(countries).where(eq(countries.code, "MC"));
    expect(monaco!.smsSupported).toBe(false);
    await db.insert(trustedPhones).values({ userId: owner.id, e164: "+37761234567", countryCode: "MC", verifiedAt: new Date() });
    expect(await errorCode(removeTrustedDevice({ userId: owner.id, deviceId: browser.device.id }))).toBe("LAST_FACTOR");
    expect((await db.select().from(trustedDevices).where(eq(trustedDevices.id, browser.device.id)))[0]!.revokedAt).toBeNull();

    await db.insert(authenticatorApps).values({ userId: owner.id, sealedSecret: "sealed", confirmedAt: new Date() });
    await removeTrustedDevice({ userId: owner.id, deviceId: browser.device.id });
    expect((await db.select().from(trustedDevices).where(eq(trustedDevices.id, browser.device.id)))[0]!.revokedAt).toBeInstanceOf(Date);
  });

  it("without 2SV any trusted browser can go; another account's or an unknown one is NOT_FOUND", async () => {
    const owner = await makeUser({ twoStep: false });
    const stranger = await makeUser();
    const browser = await trustedBrowser(owner, { aal: 1 });
    expect(await errorCode(removeTrustedDevice({ userId: stranger.id, deviceId: browser.device.id }))).toBe("NOT_FOUND");
    expect(await errorCode(removeTrustedDevice({ userId: owner.id, deviceId: "not-a-uuid" }))).toBe("NOT_FOUND");
    await removeTrustedDevice({ userId: owner.id, deviceId: browser.device.id });
    expect(await errorCode(removeTrustedDevice({ userId: owner.id, deviceId: browser.device.id }))).toBe("NOT_FOUND");
  });
});

describe("assessAccountSecurity", () => {
  const secure: CheckupFacts = { twoStepEnabled: true, twoStepAvailable: true, recoveryKeyConfirmed: true, secondFactors: 2 };
  const statuses = (facts: CheckupFacts) => Object.fromEntries(assessAccountSecurity(facts).items.map((i) => [i.id, `${i.status} ${i.href}`]));

  it("all green: 2SV on, a confirmed key and two ways to receive codes", () => {
    expect(assessAccountSecurity(secure)).toMatchObject({ passed: 3, total: 3 });
  });

  it("each gap links straight to its fix", () => {
    expect(statuses({ ...secure, twoStepEnabled: false, recoveryKeyConfirmed: false, secondFactors: 0 })).toEqual({
      twoStep: "fix /account/security/enable",
      recoveryKey: "fix /account/security/enable",
      trustedFactors: "fix /account/security/enable",
    });
    expect(statuses({ ...secure, recoveryKeyConfirmed: false })).toMatchObject({ recoveryKey: "fix /account/recovery-key" });
    expect(statuses({ ...secure, secondFactors: 1 })).toMatchObject({ trustedFactors: "fix /account/security" });
    expect(assessAccountSecurity({ ...secure, secondFactors: 1 }).passed).toBe(2);
  });

  it("where 2SV is not available yet, nothing is offered as a fix", () => {
    const { items, total } = assessAccountSecurity({ ...secure, twoStepEnabled: false, twoStepAvailable: false, recoveryKeyConfirmed: false, secondFactors: 0 });
    expect(items.map((i) => i.status)).toEqual(["unavailable", "unavailable", "unavailable"]);
    // Nothing the owner can do is scored: no "0 of 3" for checks they cannot pass yet.
    expect(total).toBe(0);
  });

  it("an account that already has 2SV keeps its checks whatever availability does later", () => {
    expect(assessAccountSecurity({ ...secure, twoStepAvailable: false }).passed).toBe(3);
  });
});

describe("checkup queries", () => {
  it("lists one row per sign-in, newest first: a session upgraded at the second step counts once", async () => {
    const owner = await makeUser();
    const first = await createSession({ userId: owner.id, userAgent: "A", ip: "192.0.2.1", aal: 2 });
    const pending = await createSession({ userId: owner.id, userAgent: "B", ip: "192.0.2.2", aal: 1 });
    const upgraded = await upgradeSession({ pendingSessionId: pending });
    const rows = await listRecentSignIns(owner.id);
    expect(rows.map((r) => r.id)).toEqual([upgraded, first]);
    expect(rows[0]).toMatchObject({ ip: "192.0.2.2", aal: 2 });
  });
});
