import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { outbox, trustedDevices, trustedPhones } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { disableTwoStep } from "@/lib/two-step/enrollment/disable-two-step";
import { enableTwoStep } from "@/lib/two-step/enrollment/enable-two-step";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { removeTrustedDevice } from "@/lib/two-step/push/remove-trusted-device";
import { removeTrustedPhone } from "@/lib/two-step/enrollment/remove-trusted-phone";
import { setupTestDatabase } from "../helpers/test-db";
import { enrollToReview, makeAccount, stubEnrollmentEnv } from "./helpers";

setupTestDatabase({ seed: "countries" });
beforeEach(stubEnrollmentEnv);

const code = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof AppError ? e.code : `threw ${String(e)}`));

async function enabled(opts: { withPhone?: boolean; withDevice?: boolean } = {}) {
  const account = await makeAccount();
  const key = await enrollToReview({ userId: account.user.id, sessionId: account.sessionId, ...opts });
  // Turning 2SV on moves this browser to a new session id.
  const { sessionId } = await enableTwoStep({ userId: account.user.id, sessionId: account.sessionId });
  const [phone] = await db.select().from(trustedPhones).where(eq(trustedPhones.userId, account.user.id));
  const [device] = await db.select().from(trustedDevices).where(eq(trustedDevices.userId, account.user.id));
  return { ...account, sessionId, key, phone, device };
}

describe("removing trusted phones and devices", () => {
  it("keeps at least one way to receive codes: the last factor cannot be removed", async () => {
    const { user, phone, device } = await enabled();
    await removeTrustedPhone({ userId: user.id, phoneId: phone!.id });
    expect(await code(removeTrustedDevice({ userId: user.id, deviceId: device!.id }))).toBe("LAST_FACTOR");
    expect(await db.select().from(trustedDevices).where(and(eq(trustedDevices.userId, user.id), isNull(trustedDevices.revokedAt)))).toHaveLength(1);
    const subjects = (await db.select().from(outbox).where(eq(outbox.recipient, user.email))).map((m) => m.subject);
    expect(subjects).toContain("A trusted phone number was removed");
  });

  it("20 concurrent removals of two factors leave exactly one", async () => {
    const { user, phone, device } = await enabled();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => code(i % 2 ? removeTrustedPhone({ userId: user.id, phoneId: phone!.id }) : removeTrustedDevice({ userId: user.id, deviceId: device!.id }))),
    );
    expect(outcomes.filter((o) => o === "resolved")).toHaveLength(1);
    const phones = await db.select().from(trustedPhones).where(and(eq(trustedPhones.userId, user.id), isNull(trustedPhones.removedAt)));
    const devices = await db.select().from(trustedDevices).where(and(eq(trustedDevices.userId, user.id), isNull(trustedDevices.revokedAt)));
    expect(phones.length + devices.length).toBe(1);
  });

  it("a phone removed while 2SV was on makes re-enabling wait after turning it off", async () => {
    const { user, sessionId, phone } = await enabled();
    await removeTrustedPhone({ userId: user.id, phoneId: phone!.id });
    await disableTwoStep({
      userId: user.id,
      sessionId,
      questions: [
        { questionKey: "firstPet", answer: "Rex" },
        { questionKey: "firstCar", answer: "Panda" },
        { questionKey: "parentsMet", answer: "Lyon" },
      ],
    });
    expect(await getEligibility({ user: { ...user, twoStepEnabledAt: null } })).toMatchObject({ status: "waiting", period: { reason: "phone" } });
  });
});
