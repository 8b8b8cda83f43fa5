import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { secondFactorLockouts } from "@/db/schema";
import { resetPasswordWithRecoveryKey } from "@/lib/recovery/reset-password-with-recovery-key";
import { startRecovery } from "@/lib/recovery/start-recovery";
import { verifyRecoveryCode } from "@/lib/recovery/verify-recovery-code";
import { createBackupCodes } from "@/lib/two-step/backup-codes/create-backup-codes";
import { confirmAuthenticator } from "@/lib/two-step/totp/confirm-authenticator";
import { startAuthenticatorSetup } from "@/lib/two-step/totp/start-authenticator-setup";
import { totpCodeAt } from "@/lib/two-step/totp/totp-rules";
import { longestWaitMs, maxConsecutiveFailures } from "@/lib/two-step/code-policy";
import { setupTestDatabase } from "../helpers/test-db";
import { errorCode, makeUser, reload } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const key = "7KQ2M9XD4TRBHW";
const newPassword = "Quiet-Harbor-Violet-3318";

describe("recovery with the Recovery Key and a code the owner holds", () => {
  it("a backup code completes the attempt it was typed for, once", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const [code] = await createBackupCodes({ userId: user.id });
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null });
    const other = await startRecovery({ email: user.email, recoveryKey: key, ip: null });
    expect(await errorCode(verifyRecoveryCode({ attempt, proof: { method: "backup_code", code: "aaaaa-aaaaa" } }))).toBe("WRONG_HELD_CODE");
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt, newPassword }))).toBe("CODE_REQUIRED");
    await verifyRecoveryCode({ attempt, proof: { method: "backup_code", code: code! } });
    // The same code cannot complete another attempt; the attempt it passed can reset the password.
    expect(await errorCode(verifyRecoveryCode({ attempt: other, proof: { method: "backup_code", code: code! } }))).toBe("CODE_USED");
    expect(await errorCode(resetPasswordWithRecoveryKey({ attempt: other, newPassword }))).toBe("CODE_REQUIRED");
    await resetPasswordWithRecoveryKey({ attempt, newPassword });
    expect((await reload(user)).passwordHash).not.toBe(user.passwordHash);
  });

  it("so does the authenticator app's code — an account with no phone is not locked out", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const now = new Date();
    const setup = await startAuthenticatorSetup({ userId: user.id, account: user.email, now });
    await confirmAuthenticator({ userId: user.id, setupId: setup.setupId, code: await totpCodeAt(setup.secret, now), now });
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null });
    const later = new Date(now.getTime() + 30_000);
    await verifyRecoveryCode({ attempt, proof: { method: "totp", code: await totpCodeAt(setup.secret, later) }, now: later });
    await resetPasswordWithRecoveryKey({ attempt, newPassword, now: later });
    expect((await reload(user)).passwordHash).not.toBe(user.passwordHash);
  });

  it("an account locked for good after 100 wrong codes, with only an app and backup codes, gets back in: the lock is cleared", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: key } });
    const t0 = new Date();
    const setup = await startAuthenticatorSetup({ userId: user.id, account: user.email, now: t0 });
    await confirmAuthenticator({ userId: user.id, setupId: setup.setupId, code: await totpCodeAt(setup.secret, t0), now: t0 });
    const [backup] = await createBackupCodes({ userId: user.id });
    // Arranged: the count 100 consecutive wrong codes leave (tests/attackers walks there at an attacker's pace).
    const locked = { consecutiveFailures: maxConsecutiveFailures };
    await db.insert(secondFactorLockouts).values({ userId: user.id, ...locked }).onConflictDoUpdate({ target: secondFactorLockouts.userId, set: locked });
    const lockout = async () => (await db.select().from(secondFactorLockouts).where(eq(secondFactorLockouts.userId, user.id)))[0]!;

    // A wrong code at the lock is not a way to guess fast: the next try waits out the longest wait.
    const attempt = await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: t0 });
    expect(await errorCode(verifyRecoveryCode({ attempt, proof: { method: "backup_code", code: "aaaaa-aaaaa" }, now: t0 }))).toBe("WRONG_HELD_CODE");
    const inAMinute = new Date(t0.getTime() + 60_000);
    expect(await errorCode(verifyRecoveryCode({ attempt, proof: { method: "backup_code", code: backup! }, now: inAMinute }))).toBe("LOCKED");

    // The attempt has run out by then; the owner starts again.
    const after = new Date(t0.getTime() + longestWaitMs);
    const again = await startRecovery({ email: user.email, recoveryKey: key, ip: null, now: after });
    await verifyRecoveryCode({ attempt: again, proof: { method: "totp", code: await totpCodeAt(setup.secret, after) }, now: after });
    expect(await lockout()).toMatchObject({ consecutiveFailures: 0, blockedUntil: null });
    await resetPasswordWithRecoveryKey({ attempt: again, newPassword, now: after });
    expect((await reload(user)).passwordHash).not.toBe(user.passwordHash);
  });
});
