import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { securityQuestions, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { questionsUndoLinkTtlMs } from "@/lib/recovery/recovery-policy";
import { readPasswordResetLink } from "@/lib/recovery/reset-link";
import { requestPasswordReset } from "@/lib/recovery/request-password-reset";
import { resetPasswordWithEmailLink } from "@/lib/recovery/reset-password-with-email-link";
import { setSecurityQuestions } from "@/lib/security-questions/security-questions";
import { setupTestDatabase } from "../helpers/test-db";
import { at, errorCode, makeUser, messagesTo, minutes, reload } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

// Someone holding only the password sets the account's first security questions: from then on their answers gate
// the emailed reset. The notice to the owner carries a reset link that skips exactly those questions.
const planted = [
  { questionKey: "firstPet" as const, answer: "Mallory's cat" },
  { questionKey: "childhoodStreet" as const, answer: "Attack Lane" },
  { questionKey: "firstTeacher" as const, answer: "Ms Eve" },
];
const newPassword = "Quiet-Harbor-Violet-3318";
const tokenIn = (text: string | undefined) => text?.match(/\/reset\?token=([A-Za-z0-9_.-]+)/)?.[1] ?? "";
const questionsOf = (userId: string) => db.select().from(securityQuestions).where(eq(securityQuestions.userId, userId));

async function plantQuestions(now: Date) {
  const { user } = await makeUser();
  await setSecurityQuestions({ userId: user.id, items: planted, now });
  const [notice] = await messagesTo(user.email);
  return { user, notice, token: tokenIn(notice?.text) };
}

describe("first security questions the owner did not set", () => {
  it("the notice's link resets the password without asking them, and removes them; the owner then sets their own", async () => {
    const now = new Date("2025-03-04T05:06:00Z");
    const { user, notice, token } = await plantQuestions(now);
    expect(notice!.text).toMatch(/For 7 days this link sets a new password without asking them, and removes them: https?:\/\/\S+\/reset\?token=\S+$/);
    // Any other reset link still asks them.
    await requestPasswordReset({ email: user.email, ip: null, now: at(now, minutes(1)) });
    const [ordinary] = await messagesTo(user.email);
    expect(await readPasswordResetLink(tokenIn(ordinary!.text), at(now, minutes(2)))).toMatchObject({ hasQuestions: true, retiresQuestions: false });

    // Six days later (the owner reads mail late), no answers given.
    const later = at(now, 6 * 24 * 60 * minutes(1));
    expect(await readPasswordResetLink(token, later)).toMatchObject({ hasQuestions: false, retiresQuestions: true });
    await expect(resetPasswordWithEmailLink({ token, answers: {}, newPassword, now: later })).resolves.toMatchObject({ hasQuestions: false });
    expect(await verifyPassword((await reload(user)).passwordHash, newPassword)).toBe(true);
    expect(await questionsOf(user.id)).toEqual([]);
    // Single use, like every reset link: the new password retires it.
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers: {}, newPassword: "Another-Fresh-Password-42", now: later }))).toBe("LINK_INVALID");
  });

  it("the link skips only the questions it was sent for: set again, they are asked; after 7 days it is dead", async () => {
    const now = new Date("2025-03-04T05:06:00Z");
    const { user, token } = await plantQuestions(now);
    expect(await readPasswordResetLink(token, at(now, questionsUndoLinkTtlMs + 1))).toBeNull();

    // The same questions and answers set again are a new set (fresh salts): the old link asks them.
    await setSecurityQuestions({ userId: user.id, items: planted, now });
    expect(await readPasswordResetLink(token, now)).toMatchObject({ hasQuestions: true, retiresQuestions: false });
    expect(await errorCode(resetPasswordWithEmailLink({ token, answers: {}, newPassword, now }))).toBe("WRONG_ANSWERS");
    expect(await questionsOf(user.id)).toHaveLength(3);
  });

  it("a new password retires the link, and replacing questions (which needs the old answers) sends no such link", async () => {
    const now = new Date("2025-03-04T05:06:00Z");
    const { user, token } = await plantQuestions(now);
    await db.update(users).set({ passwordHash: await hashPassword(newPassword) }).where(eq(users.id, user.id));
    expect(await readPasswordResetLink(token, now)).toBeNull();

    await setSecurityQuestions({ userId: user.id, items: planted, now: at(now, minutes(1)) });
    const [replacedNotice] = await messagesTo(user.email);
    expect(replacedNotice!.subject).toBe("Your Stepwise security questions were changed");
    expect(replacedNotice!.text).not.toMatch(/token=/);
  });
});
