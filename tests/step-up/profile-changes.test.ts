import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { changeEmail, readEmailChangeLink } from "@/lib/account-changes/change-email";
import { changeName } from "@/lib/account-changes/change-name";
import { emailChangeLimit, requestEmailChange } from "@/lib/account-changes/request-email-change";
import { recordStepUp } from "@/lib/two-step/step-up";
import { setupTestDatabase } from "../helpers/test-db";
import { at, errorCode, makeUser, messagesTo, minutes, openSession, reload } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const tokenIn = (text: string) => decodeURIComponent(text.match(/token=([A-Za-z0-9_.%-]+)/)?.[1] ?? "");

describe("changeName", () => {
  it("needs its own 'profile' step-up, validates like sign-up, and tells the owner", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "email" });
    expect(await errorCode(changeName({ userId: user.id, sessionId, name: "Ana Ramírez" }))).toBe("STEP_UP_REQUIRED");
    await recordStepUp({ sessionId, action: "profile" });
    expect(await errorCode(changeName({ userId: user.id, sessionId, name: "   " }))).toBe("INVALID_NAME");
    expect(await errorCode(changeName({ userId: user.id, sessionId, name: "a\u0007b" }))).toBe("INVALID_NAME");
    expect((await reload(user)).name).toBe(user.name);

    await changeName({ userId: user.id, sessionId, name: "  Ana Ramírez " });
    expect((await reload(user)).name).toBe("Ana Ramírez");
    expect((await messagesTo(user.email))[0]?.subject).toBe("Your Stepwise personal information was changed");
  });
});

describe("email change", () => {
  it("sends a link to the new address only; the change happens from the link, once, and both addresses are told", async () => {
    const now = new Date();
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    expect(await errorCode(requestEmailChange({ userId: user.id, sessionId, newEmail: "new@example.net" }))).toBe("STEP_UP_REQUIRED");
    await recordStepUp({ sessionId, action: "email", now });
    expect(await errorCode(requestEmailChange({ userId: user.id, sessionId, newEmail: user.email.toUpperCase(), now }))).toBe("SAME_EMAIL");

    const newEmail = `moved-${user.id.slice(0, 8)}@example.net`;
    await requestEmailChange({ userId: user.id, sessionId, newEmail: ` ${newEmail.toUpperCase()} `, now });
    expect((await reload(user)).email).toBe(user.email);
    const [link] = await messagesTo(newEmail);
    expect(link?.subject).toBe("Confirm your new Stepwise email address");
    const token = tokenIn(link!.text);
    expect(readEmailChangeLink(token, now)).toMatchObject({ userId: user.id, newEmail });

    // Another account cannot use it, and an hour later it is dead.
    const { user: stranger } = await makeUser();
    expect(await errorCode(changeEmail({ userId: stranger.id, token, now }))).toBe("WRONG_ACCOUNT");
    expect(await errorCode(changeEmail({ userId: user.id, token, now: at(now, minutes(60) + 1000) }))).toBe("LINK_INVALID");
    expect(await errorCode(changeEmail({ userId: user.id, token: `${token.slice(0, -2)}xx`, now }))).toBe("LINK_INVALID");

    await changeEmail({ userId: user.id, token, now });
    const after = await reload(user);
    expect(after.email).toBe(newEmail);
    expect(after.emailChangedAt?.getTime()).toBe(now.getTime());
    expect((await messagesTo(user.email))[0]?.subject).toBe("Your Stepwise email address was changed");
    expect((await messagesTo(user.email))[0]?.text).not.toContain(newEmail);
    expect((await messagesTo(newEmail))[0]?.subject).toBe("This is now your Stepwise email address");
    expect(await errorCode(changeEmail({ userId: user.id, token, now }))).toBe("LINK_INVALID");
  });

  it("never reveals on screen that an address is taken: only that mailbox hears of it, and no link is sent", async () => {
    const { user } = await makeUser();
    const { user: owner } = await makeUser();
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "email" });
    await expect(requestEmailChange({ userId: user.id, sessionId, newEmail: owner.email })).resolves.toBeUndefined();
    const [notice] = await messagesTo(owner.email);
    expect(notice?.subject).toBe("Someone tried to use this address on Stepwise");
    expect(notice?.text).not.toMatch(/token=/);
    expect((await reload(user)).email).toBe(user.email);
  });

  it("tells the address's owner in the owner's language, not the requester's", async () => {
    const { user } = await makeUser();
    const { user: owner } = await makeUser();
    await db.update(users).set({ locale: "fr" }).where(eq(users.id, user.id));
    await db.update(users).set({ locale: "de" }).where(eq(users.id, owner.id));
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "email" });
    await requestEmailChange({ userId: user.id, sessionId, newEmail: owner.email });
    const [notice] = await messagesTo(owner.email);
    expect(notice?.subject).toBe("Jemand wollte diese Adresse bei Stepwise verwenden");
  });

  it("a link is refused if another account took the address in the meantime", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "email" });
    const target = `race-${user.id.slice(0, 8)}@example.net`;
    await requestEmailChange({ userId: user.id, sessionId, newEmail: target });
    const token = tokenIn((await messagesTo(target))[0]!.text);
    await db.insert(users).values({ email: target, name: "Racer", countryCode: "US", passwordHash: "x" });
    expect(await errorCode(changeEmail({ userId: user.id, token }))).toBe("EMAIL_UNAVAILABLE");
    expect((await reload(user)).email).toBe(user.email);
  });

  it(`limits requests to ${emailChangeLimit} an hour per account`, async () => {
    const now = new Date();
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "email", now });
    const codes = [];
    for (let i = 0; i <= emailChangeLimit; i++) codes.push(await errorCode(requestEmailChange({ userId: user.id, sessionId, newEmail: `n${i}-${user.id.slice(0, 6)}@example.net`, now })));
    expect(codes).toEqual([...Array(emailChangeLimit).fill("resolved"), "THROTTLED"]);
  });
});
