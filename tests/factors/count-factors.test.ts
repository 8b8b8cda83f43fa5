import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { authenticatorApps, backupCodes, passkeys, trustedDevices, trustedPhones, users } from "@/db/schema";
import { rowsOf } from "@/db/rows";
import { countFactors, enrollmentMethod } from "@/lib/two-step/enrollment/count-factors";
import { setupTestDatabase } from "../helpers/test-db";
import { makeUser } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";
/** The database's own rule (migration 0004), which the dashboard's lockout-risk gauge uses. */
const sqlRisk = async (userId: string) => rowsOf<{ risk: boolean }>(await db.execute(sql`select stepwise_lockout_risk(${userId}::uuid) as risk`))[0]!.risk;

describe("counting second factors", () => {
  it("counts working phones, trusted browsers, a confirmed app, passkeys and unused backup codes (as one)", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } }); // one verified US phone
    const userId = user.id;
    await db.insert(trustedPhones).values([
      { userId, e164: "+12025550102", countryCode: "US" }, // never verified
      { userId, e164: "+12025550103", countryCode: "US", verifiedAt: new Date(), removedAt: new Date() },
      { userId, e164: "+923001234567", countryCode: "PK", verifiedAt: new Date() }, // no SMS carriers there
    ]);
    await db.insert(trustedDevices).values({ userId, tokenHash: "t1", label: "Firefox", receivesCodes: true });
    await db.insert(authenticatorApps).values({ userId, sealedSecret: "pending" }); // not confirmed
    await db.insert(backupCodes).values([{ userId, codeHash: "a" }, { userId, codeHash: "b" }, { userId, codeHash: "c", usedAt: new Date() }]);
    expect(await countFactors({ userId })).toEqual({ phones: 1, devices: 1, apps: 0, passkeys: 0, backupCodes: 2, total: 3 });

    await db.update(authenticatorApps).set({ confirmedAt: new Date() }).where(eq(authenticatorApps.userId, userId));
    await db.insert(passkeys).values({ userId, credentialId: `cred-${userId}`, publicKey: "pk", name: "Laptop", deviceType: "multiDevice" });
    const all = await countFactors({ userId });
    expect(all).toMatchObject({ apps: 1, passkeys: 1, total: 5 });
    expect(enrollmentMethod(all)).toBe("passkey");
    expect(enrollmentMethod({ ...all, passkeys: 0 })).toBe("totp");
    expect(enrollmentMethod({ phones: 1, devices: 1, apps: 0, passkeys: 0 })).toBe("sms+device");
  });

  it("agrees with the SQL lockout-risk rule: one method left is a risk, two are not", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const userId = user.id;
    expect((await countFactors({ userId })).total).toBe(1);
    expect(await sqlRisk(userId)).toBe(true);
    await db.insert(authenticatorApps).values({ userId, sealedSecret: "x", confirmedAt: new Date() });
    expect((await countFactors({ userId })).total).toBe(2);
    expect(await sqlRisk(userId)).toBe(false);
    await db.delete(trustedPhones).where(eq(trustedPhones.userId, userId));
    await db.insert(backupCodes).values({ userId, codeHash: "z" });
    expect((await countFactors({ userId })).total).toBe(2);
    expect(await sqlRisk(userId)).toBe(false);
    await db.delete(authenticatorApps).where(eq(authenticatorApps.userId, userId));
    await db.insert(passkeys).values({ userId, credentialId: `c-${userId}`, publicKey: "pk", name: "Key", deviceType: "singleDevice" });
    expect((await countFactors({ userId, exceptPasskeyId: undefined })).total).toBe(2);
    expect(await sqlRisk(userId)).toBe(false);
    await db.update(users).set({ twoStepEnabledAt: null }).where(eq(users.id, userId));
    expect(await sqlRisk(userId)).toBe(false);
  });
});
