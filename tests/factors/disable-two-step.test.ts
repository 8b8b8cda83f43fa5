import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { authenticatorApps, backupCodes, passkeys } from "@/db/schema";
import { authenticateBasic } from "@/lib/app-passwords/authenticate-basic";
import { createAppPassword } from "@/lib/app-passwords/manage-app-passwords";
import { createBackupCodes } from "@/lib/two-step/backup-codes/create-backup-codes";
import { disableTwoStep } from "@/lib/two-step/enrollment/disable-two-step";
import { confirmAuthenticator } from "@/lib/two-step/totp/confirm-authenticator";
import { startAuthenticatorSetup } from "@/lib/two-step/totp/start-authenticator-setup";
import { totpCodeAt } from "@/lib/two-step/totp/totp-rules";
import { setupTestDatabase } from "../helpers/test-db";
import { makeUser, openSession } from "../step-up/fixtures";

setupTestDatabase({ seed: "countries" });

const questions = [
  { questionKey: "firstPet" as const, answer: "Rex" },
  { questionKey: "childhoodStreet" as const, answer: "Elm Street" },
  { questionKey: "firstTeacher" as const, answer: "Mrs Lovelace" },
];

describe("turning 2SV off", () => {
  it("retires every held factor: app, passkeys and backup codes deleted, app-specific passwords revoked", async () => {
    const { user } = await makeUser({ twoStep: { recoveryKey: "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567" } });
    const now = new Date();
    const setup = await startAuthenticatorSetup({ userId: user.id, account: user.email, now });
    await confirmAuthenticator({ userId: user.id, setupId: setup.setupId, code: await totpCodeAt(setup.secret, now), now });
    await createBackupCodes({ userId: user.id });
    await db.insert(passkeys).values({ userId: user.id, credentialId: `c-${user.id}`, publicKey: "pk", name: "Laptop", deviceType: "multiDevice" });
    const appPassword = await createAppPassword({ user, label: "Mail" });

    await disableTwoStep({ userId: user.id, sessionId: await openSession(user), questions });

    for (const table of [authenticatorApps, backupCodes, passkeys]) expect(await db.select().from(table).where(eq(table.userId, user.id))).toEqual([]);
    const header = `Basic ${Buffer.from(`${user.email}:${appPassword}`).toString("base64")}`;
    expect(await authenticateBasic({ header, ip: null })).toEqual({ ok: false, reason: "refused" });
  });
});
