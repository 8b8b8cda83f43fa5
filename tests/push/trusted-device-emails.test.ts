import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { trustedDevices, trustedPhones, users, type User } from "@/db/schema";
import { removeTrustedDevice } from "@/lib/two-step/push/remove-trusted-device";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { setupTestDatabase } from "../helpers/test-db";
import { messagesTo } from "../step-up/fixtures";
import { firefoxOnLinux, makeUser, newDeviceToken } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const added = "A sign-in method was added to your account";
const removed = "A sign-in method was removed from your account";
const subjects = async (user: User) => (await messagesTo(user.email)).map((m) => m.subject);

/** A verified phone, so that removing a trusted browser never hits the last-factor rule. */
const withPhone = (user: User) => db.insert(trustedPhones).values({ userId: user.id, e164: "+12025550123", countryCode: "US", verifiedAt: new Date() });

describe("trusting and removing a browser tell the owner, as every other factor change does", () => {
  it("with 2SV on, a newly trusted browser is emailed once, naming it; ticking trust again only refreshes it", async () => {
    const owner = await makeUser();
    const token = newDeviceToken();
    const device = await trustDevice({ userId: owner.id, token, userAgent: firefoxOnLinux, remember: true });
    const [email, ...rest] = await messagesTo(owner.email);
    expect(rest).toEqual([]);
    expect(email).toMatchObject({ subject: added, userId: owner.id });
    expect(email!.text).toContain("the trusted device “Firefox 128 on Linux”");

    // The same browser passing the second step again with "Trust this browser" ticked: no new way in, no email.
    const again = await trustDevice({ userId: owner.id, token, userAgent: firefoxOnLinux, remember: true });
    expect(again.id).toBe(device.id);
    expect(await subjects(owner)).toEqual([added]);
  });

  it("with 2SV on, removing a trusted browser is emailed, and trusting it again afterwards is news again", async () => {
    const owner = await makeUser();
    await withPhone(owner);
    const token = newDeviceToken();
    const device = await trustDevice({ userId: owner.id, token, userAgent: firefoxOnLinux });
    await removeTrustedDevice({ userId: owner.id, deviceId: device.id });
    const [latest] = await messagesTo(owner.email);
    expect(latest).toMatchObject({ subject: removed });
    expect(latest!.text).toContain("The trusted device “Firefox 128 on Linux” was removed from your Stepwise account.");

    await trustDevice({ userId: owner.id, token, userAgent: firefoxOnLinux });
    expect((await subjects(owner)).sort()).toEqual([added, added, removed]);
  });

  it("names the browser in the owner's language, or by its stored label when there is no User-Agent", async () => {
    const owner = await makeUser();
    await db.update(users).set({ locale: "fr" }).where(eq(users.id, owner.id));
    await trustDevice({ userId: owner.id, token: newDeviceToken(), userAgent: firefoxOnLinux });
    expect((await messagesTo(owner.email))[0]!.text).toContain("« Firefox 128 sous Linux »");

    const other = await makeUser();
    await trustDevice({ userId: other.id, token: newDeviceToken(), label: "Old laptop" });
    expect((await messagesTo(other.email))[0]!.text).toContain("the trusted device “Old laptop”");
  });

  it("during 2SV setup (2SV still off) neither trusting nor removing a browser emails, like adding a phone there", async () => {
    const owner = await makeUser({ twoStep: false });
    const device = await trustDevice({ userId: owner.id, token: newDeviceToken(), userAgent: firefoxOnLinux });
    await removeTrustedDevice({ userId: owner.id, deviceId: device.id });
    expect(await messagesTo(owner.email)).toEqual([]);
  });

  it("a refused removal (the last factor) sends nothing and removes nothing", async () => {
    const owner = await makeUser();
    const device = await trustDevice({ userId: owner.id, token: newDeviceToken(), userAgent: firefoxOnLinux });
    await expect(removeTrustedDevice({ userId: owner.id, deviceId: device.id })).rejects.toMatchObject({ code: "LAST_FACTOR" });
    expect(await subjects(owner)).toEqual([added]);
    expect(await db.select().from(trustedDevices).where(and(eq(trustedDevices.id, device.id), eq(trustedDevices.userId, owner.id)))).toMatchObject([{ revokedAt: null }]);
  });
});
