import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { challenges } from "@/db/schema";
import { unsealText } from "@/lib/crypto/secrets";
import { createAppPassword } from "@/lib/app-passwords/manage-app-passwords";
import { createBackupCodes } from "@/lib/two-step/backup-codes/create-backup-codes";
import { issueChallenge } from "@/lib/two-step/issue-challenge";
import { generateRecoveryKey, formatRecoveryKey, hashRecoveryKey, storeRecoveryKey } from "@/lib/two-step/recovery-key";
import { confirmAuthenticator } from "@/lib/two-step/totp/confirm-authenticator";
import { startAuthenticatorSetup } from "@/lib/two-step/totp/start-authenticator-setup";
import { totpCodeAt } from "@/lib/two-step/totp/totp-rules";
import { trustDevice } from "@/lib/two-step/trusted-devices";
import { setupTestDatabase } from "../helpers/test-db";
import { lastSmsCode, makeUser, openSession, password, phoneOf, request } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

/** Every row of every table in the app's schema, as text: what a stolen database dump would show. */
async function dumpDatabase() {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`));
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf<{ row: string }>(await db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`));
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n").toLowerCase();
}

/**
 * Whether the secret stands in the dump as a token of its own. Boundaries matter for 6-digit codes, which can occur
 * by chance inside a timestamp's microseconds or a base64 value; a code stored in clear would stand alone.
 */
const appearsIn = (dump: string, secret: string) =>
  new RegExp(`(?<![0-9a-z.:_-])${secret.toLowerCase().replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&")}(?![0-9a-z_-])`).test(dump);

describe("secrets at rest", () => {
  it("a dump holds no password, sent or pushed code, Recovery Key, backup code, TOTP secret or app-specific password", async () => {
    const { user, phoneId } = await makeUser({ twoStep: { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" } });
    const sessionId = await openSession(user);
    const secrets: string[] = [password];

    // A code texted (outbox body) and one pushed to a trusted browser (sealed for display there).
    await issueChallenge({ userId: user.id, sessionId, purpose: "step_up", method: "sms", phoneId, request });
    secrets.push(await lastSmsCode(await phoneOf(phoneId!)));
    await trustDevice({ userId: user.id, token: "device-token-for-the-dump-test-0001", label: "Firefox" });
    const later = new Date(Date.now() + 60_000);
    const pushed = await issueChallenge({ userId: user.id, sessionId: await openSession(user), purpose: "step_up", method: "device", request, now: later });
    const [sealed] = await db.select({ code: challenges.sealedCode }).from(challenges).where(eq(challenges.id, pushed.challengeId));
    secrets.push(unsealText(sealed!.code!));

    const key = generateRecoveryKey();
    await storeRecoveryKey({ userId: user.id, keyHash: await hashRecoveryKey(key), confirmedAt: new Date() });
    secrets.push(key, formatRecoveryKey(key), "device-token-for-the-dump-test-0001");

    const setup = await startAuthenticatorSetup({ userId: user.id, account: user.email });
    await confirmAuthenticator({ userId: user.id, setupId: setup.setupId, code: await totpCodeAt(setup.secret, new Date()) });
    secrets.push(setup.secret, Buffer.from(setup.secret).toString("base64"));

    for (const code of await createBackupCodes({ userId: user.id })) secrets.push(code, code.replace("-", ""));
    const appPassword = await createAppPassword({ user, label: "Mail" });
    secrets.push(appPassword, appPassword.replaceAll("-", ""));

    const dump = await dumpDatabase();
    // The check can see a secret: the account's email stands in the dump just like a clear code would.
    expect(appearsIn(dump, user.email)).toBe(true);
    const found = secrets.filter((s) => appearsIn(dump, s));
    expect(found).toEqual([]);
  });
});
