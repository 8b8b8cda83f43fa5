import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { backupCodes, secondFactorLockouts, users } from "@/db/schema";
import { normaliseBackupCode } from "@/lib/two-step/backup-codes/backup-code-rules";
import { countBackupCodes } from "@/lib/two-step/backup-codes/count-backup-codes";
import { createBackupCodes } from "@/lib/two-step/backup-codes/create-backup-codes";
import { countFactors } from "@/lib/two-step/enrollment/count-factors";
import { verifyHeldCode } from "@/lib/two-step/verify-held-code";
import { setupTestDatabase } from "../helpers/test-db";
import { errorCode, makeUser, messagesTo } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567";
const use = (userId: string, code: string) => errorCode(verifyHeldCode({ userId, purpose: "step_up", method: "backup_code", code }));

describe("backup codes", () => {
  it("are ten distinct single-use codes from an unambiguous alphabet", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const codes = await createBackupCodes({ userId: user.id });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(await countBackupCodes(user.id)).toBe(10);
    // The owner hears about it (2SV is on), and the email holds no code.
    const [email] = await messagesTo(user.email);
    expect(email).toMatchObject({ subject: "A sign-in method was added to your account" });
    expect(email!.text).toContain("new backup codes. Your earlier backup codes no longer work.");
    for (const c of codes) expect(email!.text).not.toContain(c);
  });

  it("each works once, typed in any case and spacing; then it is refused and the count drops", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const [first, second] = await createBackupCodes({ userId: user.id });
    expect(await use(user.id, ` ${first!.toUpperCase().replace("-", " ")} `)).toBe("resolved");
    expect(await use(user.id, first!)).toBe("CODE_USED");
    expect(await countBackupCodes(user.id)).toBe(9);
    expect(await use(user.id, second!)).toBe("resolved");
    expect(await use(user.id, "aaaaa-aaaaa")).toBe("WRONG_HELD_CODE");
    // Not the shape of a backup code: a mistype, refused without counting a failure.
    const failures = async () => (await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id)))[0]?.consecutiveFailures;
    const before = await failures();
    expect(await use(user.id, "not a code")).toBe("CODE_FORMAT");
    expect(await use(user.id, "aaaa")).toBe("CODE_FORMAT");
    expect(await failures()).toBe(before);
    expect(await countBackupCodes(user.id)).toBe(8);
  });

  it("belong to one account: another account's code is refused", async () => {
    const { user: a } = await makeUser({ twoStep: { recoveryKey: key } });
    const { user: b } = await makeUser({ twoStep: { recoveryKey: key } });
    const [codeOfA] = await createBackupCodes({ userId: a.id });
    await createBackupCodes({ userId: b.id });
    expect(await use(b.id, codeOfA!)).toBe("WRONG_HELD_CODE");
  });

  it("regenerating makes every earlier code stop working", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const old = await createBackupCodes({ userId: user.id });
    const fresh = await createBackupCodes({ userId: user.id });
    expect(await use(user.id, old[3]!)).toBe("WRONG_HELD_CODE");
    expect(await use(user.id, fresh[3]!)).toBe("resolved");
  });

  it("are stored as keyed hashes only", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const codes = await createBackupCodes({ userId: user.id });
    const dump = JSON.stringify(await db.select().from(backupCodes).where(eq(backupCodes.userId, user.id)));
    for (const c of codes) {
      expect(dump).not.toContain(c);
      expect(dump).not.toContain(normaliseBackupCode(c)!);
    }
  });

  it("count as one factor while any is left, and using the last one updates the lockout-risk flag", async () => {
    const { user, phoneId } = await makeUser({ twoStep: { recoveryKey: key } });
    expect(phoneId).toBeDefined();
    const codes = await createBackupCodes({ userId: user.id });
    expect((await countFactors({ userId: user.id })).total).toBe(2);
    const risk = async () => (await db.select({ r: users.lockoutRisk }).from(users).where(eq(users.id, user.id)))[0]!.r;
    expect(await risk()).toBe(false);
    for (const c of codes) expect(await use(user.id, c)).toBe("resolved");
    expect((await countFactors({ userId: user.id })).total).toBe(1);
    expect(await risk()).toBe(true);
  });
});
