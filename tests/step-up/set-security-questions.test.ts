import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { securityQuestions, users } from "@/db/schema";
import { noticeTime } from "@/lib/account-changes/compose-notice";
import { setSecurityQuestions, verifySecurityAnswers } from "@/lib/security-questions/security-questions";
import { setupTestDatabase } from "../helpers/test-db";
import { errorCode, makeUser, messagesTo, request } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const items = (third = "Mrs Lovelace") => [
  { questionKey: "firstPet" as const, answer: "Rex" },
  { questionKey: "childhoodStreet" as const, answer: "Rue de la Paix" },
  { questionKey: "firstTeacher" as const, answer: third },
];

describe("setting security questions tells the owner", () => {
  it("the first questions (only the password was re-typed) are emailed: when, from which browser, where to act", async () => {
    const { user } = await makeUser();
    const now = new Date("2025-03-04T05:06:00Z");
    await setSecurityQuestions({ userId: user.id, items: items(), userAgent: request.userAgent, now });
    const [email, ...rest] = await messagesTo(user.email);
    expect(rest).toEqual([]);
    expect(email).toMatchObject({ channel: "email", subject: "Your Stepwise security questions were set up", userId: user.id });
    expect(email!.text).toContain(`Security questions were set up for your Stepwise account on ${noticeTime(now)} from Chrome 120 on Linux.`);
    expect(email!.text).toMatch(/If this wasn't you, .*: https?:\/\/[^ ]+\/account\/security\n/);
    // The answers are secrets: never in the email.
    for (const { answer } of items()) expect(email!.text).not.toContain(answer);
  });

  it("replacing them is emailed too, in the owner's language", async () => {
    const { user } = await makeUser({ questions: true });
    expect(await messagesTo(user.email)).toEqual([]);
    await setSecurityQuestions({ userId: user.id, items: items("Mr Babbage"), userAgent: request.userAgent });
    expect((await messagesTo(user.email)).map((m) => m.subject)).toEqual(["Your Stepwise security questions were changed"]);
    expect(await verifySecurityAnswers({ userId: user.id, answers: { 1: "Rex", 2: "Rue de la Paix", 3: "Mr Babbage" } })).toBe(true);

    await db.update(users).set({ locale: "fr" }).where(eq(users.id, user.id));
    await setSecurityQuestions({ userId: user.id, items: items() });
    const [french] = await messagesTo(user.email);
    expect(french!.subject).toBe("Vos questions de sécurité Stepwise ont été modifiées");
    expect(french!.text).toContain("depuis un navigateur inconnu");
  });

  it("invalid questions change nothing and send nothing", async () => {
    const { user } = await makeUser();
    expect(await errorCode(setSecurityQuestions({ userId: user.id, items: [...items().slice(0, 2), items()[0]!] }))).toBe("QUESTIONS_INVALID");
    expect(await db.select().from(securityQuestions).where(eq(securityQuestions.userId, user.id))).toEqual([]);
    expect(await messagesTo(user.email)).toEqual([]);
  });
});
