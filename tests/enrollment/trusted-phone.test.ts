import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { challenges, events, trustedPhones } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { addTrustedPhone } from "@/lib/two-step/enrollment/add-trusted-phone";
import { advanceEnrollment } from "@/lib/two-step/enrollment/advance-enrollment";
import { startEnrollment } from "@/lib/two-step/enrollment/start-enrollment";
import { verifyTrustedPhone } from "@/lib/two-step/enrollment/verify-trusted-phone";
import { findPendingPhoneCode } from "@/lib/two-step/enrollment/find-pending-phone-code";
import { abandonPhoneCode } from "@/lib/two-step/enrollment/abandon-phone-code";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { setupTestDatabase } from "../helpers/test-db";
import { lastCodeTo, makeAccount, password, request, stubEnrollmentEnv } from "./helpers";

setupTestDatabase({ seed: "countries" });
beforeEach(stubEnrollmentEnv);

const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof AppError ? e.code : `threw ${String(e)}`));

async function enrolling(countryCode = "US") {
  const account = await makeAccount({ countryCode });
  await startEnrollment({ userId: account.user.id, sessionId: account.sessionId, password });
  return account;
}

describe("addTrustedPhone + verifyTrustedPhone", () => {
  it("stores the number in E.164, texts a code bound to this session, and verifies it", async () => {
    const { user, sessionId } = await enrolling();
    const added = await addTrustedPhone({ userId: user.id, sessionId, number: "(201) 555-0123", country: "US", request });
    expect(added).toMatchObject({ e164: "+12015550123", international: "+1 201 555 0123", countryCode: "US", method: "sms", delivery: "sent" });
    const [challenge] = await db.select().from(challenges).where(eq(challenges.id, added.challengeId));
    expect(challenge).toMatchObject({ purpose: "enroll_phone", sessionId, phoneId: added.phoneId });

    const sms = await lastCodeTo("+12015550123");
    expect(await code(verifyTrustedPhone({ userId: user.id, sessionId: "another-session", phoneId: added.phoneId, challengeId: added.challengeId, code: sms }))).toBe("NOT_VALID");
    const wrong = sms === "000000" ? "111111" : "000000";
    expect(await code(verifyTrustedPhone({ userId: user.id, sessionId, phoneId: added.phoneId, challengeId: added.challengeId, code: wrong }))).toBe("WRONG_CODE");
    const phone = await verifyTrustedPhone({ userId: user.id, sessionId, phoneId: added.phoneId, challengeId: added.challengeId, code: sms });
    expect(phone.verifiedAt).not.toBeNull();
    const [event] = await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "phone_verified")));
    expect(event).toMatchObject({ countryCode: "US", method: "sms" });
    // Single use.
    expect(await code(verifyTrustedPhone({ userId: user.id, sessionId, phoneId: added.phoneId, challengeId: added.challengeId, code: sms }))).toBe("NOT_VALID");
  });

  it("finds the code this session waits for until it is used, expired or out of tries; never another session's", async () => {
    const { user, sessionId } = await enrolling();
    const t0 = new Date();
    const added = await addTrustedPhone({ userId: user.id, sessionId, number: "(201) 555-0199", country: "US", request, now: t0 });
    const pending = { challengeId: added.challengeId, phoneId: added.phoneId, e164: "+12015550199", countryCode: "US" };
    expect(await findPendingPhoneCode({ userId: user.id, sessionId, now: t0 })).toEqual(pending);
    expect(await findPendingPhoneCode({ userId: user.id, sessionId: "another-session", now: t0 })).toBeNull();
    expect(await findPendingPhoneCode({ userId: user.id, sessionId, now: new Date(t0.getTime() + 11 * 60_000) })).toBeNull();

    const wrong = (await lastCodeTo("+12015550199")) === "000000" ? "111111" : "000000";
    for (let i = 0; i < 4; i++) await code(verifyTrustedPhone({ userId: user.id, sessionId, phoneId: added.phoneId, challengeId: added.challengeId, code: wrong, now: t0 }));
    expect(await findPendingPhoneCode({ userId: user.id, sessionId, now: t0 })).toEqual(pending);
    await code(verifyTrustedPhone({ userId: user.id, sessionId, phoneId: added.phoneId, challengeId: added.challengeId, code: wrong, now: t0 }));
    expect(await findPendingPhoneCode({ userId: user.id, sessionId, now: t0 })).toBeNull();
  });

  it("follows a resent code, and lets go once the owner chooses a different number", async () => {
    const { user, sessionId } = await enrolling();
    const t0 = new Date();
    const added = await addTrustedPhone({ userId: user.id, sessionId, number: "(201) 555-0177", country: "US", request, now: t0 });
    const later = new Date(t0.getTime() + 2 * 60_000);
    const resent = await issueChallenge({ userId: user.id, sessionId, purpose: "enroll_phone", method: "sms", phoneId: added.phoneId, request, now: later });
    expect(await findPendingPhoneCode({ userId: user.id, sessionId, now: later })).toMatchObject({ challengeId: resent.challengeId, phoneId: added.phoneId });

    await abandonPhoneCode({ userId: user.id, sessionId, phoneId: added.phoneId, now: later });
    expect(await findPendingPhoneCode({ userId: user.id, sessionId, now: later })).toBeNull();
  });

  it("refuses invalid numbers and landlines before storing or texting anything", async () => {
    const { user, sessionId } = await enrolling();
    expect(await code(addTrustedPhone({ userId: user.id, sessionId, number: "555-0100", country: "US", request }))).toBe("PHONE_INVALID");
    expect(await code(addTrustedPhone({ userId: user.id, sessionId, number: "", country: "US", request }))).toBe("PHONE_REQUIRED");
    expect(await code(addTrustedPhone({ userId: user.id, sessionId, number: "+33 1 42 68 53 00", country: "US", request }))).toBe("PHONE_LANDLINE");
    expect(await db.select().from(trustedPhones).where(eq(trustedPhones.userId, user.id))).toHaveLength(0);
    expect(await db.select().from(challenges).where(eq(challenges.userId, user.id))).toHaveLength(0);
  });

  it("a Pakistani number is refused: SMS does not reach carriers there (PK has 2SV, not SMS)", async () => {
    const { user, sessionId } = await enrolling("PK");
    const refused = await addTrustedPhone({ userId: user.id, sessionId, number: "0300 1234567", country: "PK", request }).catch((e: AppError) => e);
    expect(refused).toMatchObject({ code: "SMS_UNSUPPORTED", details: { countryCode: "PK" } });
    expect(await db.select().from(trustedPhones).where(eq(trustedPhones.userId, user.id))).toHaveLength(0);
    // …and the owner can skip the phone step and rely on a trusted device.
    expect(await advanceEnrollment({ userId: user.id, from: "phone" })).toBe("devices");
    expect(await code(advanceEnrollment({ userId: user.id, from: "devices" }))).toBe("NEEDS_FACTOR");
  });

  it("an unverified number is replaced by the next one; a verified number cannot be added twice", async () => {
    const { user, sessionId } = await enrolling();
    const first = await addTrustedPhone({ userId: user.id, sessionId, number: "(201) 555-0123", country: "US", request, now: new Date(Date.now() - 120_000) });
    const second = await addTrustedPhone({ userId: user.id, sessionId, number: "(202) 555-0147", country: "US", request, now: new Date(Date.now() - 60_000) });
    const rows = await db.select().from(trustedPhones).where(eq(trustedPhones.userId, user.id));
    expect(rows.map((r) => r.id)).toEqual([second.phoneId]);
    expect(await code(verifyTrustedPhone({ userId: user.id, sessionId, phoneId: first.phoneId, challengeId: first.challengeId, code: await lastCodeTo(first.e164) }))).toBe("NOT_VALID");
    await verifyTrustedPhone({ userId: user.id, sessionId, phoneId: second.phoneId, challengeId: second.challengeId, code: await lastCodeTo(second.e164) });
    expect(await code(addTrustedPhone({ userId: user.id, sessionId, number: "+1 202-555-0147", country: "FR", request }))).toBe("PHONE_EXISTS");
  });

  it("outside an enrollment (and with 2SV off) no phone can be added", async () => {
    const { user, sessionId } = await makeAccount();
    expect(await code(addTrustedPhone({ userId: user.id, sessionId, number: "(201) 555-0123", country: "US", request }))).toBe("NOT_ENROLLING");
  });
});
