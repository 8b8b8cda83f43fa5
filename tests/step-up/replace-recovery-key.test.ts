import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { events } from "@/db/schema";
import { pendingKeyTtlMs, prepareRecoveryKey } from "@/lib/recovery/prepare-recovery-key";
import { replaceRecoveryKey } from "@/lib/recovery/replace-recovery-key";
import { recordStepUp } from "@/lib/two-step/step-up";
import { currentRecoveryKey, verifyRecoveryKey } from "@/lib/two-step/recovery-key";
import { setupTestDatabase } from "../helpers/test-db";
import { at, errorCode, makeUser, messagesTo, openSession } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const oldKey = "7KQ2M9XD4TRBHW";

describe("replacing a lost Recovery Key while signed in", () => {
  it("needs a fresh 'recovery_key' step-up and the new key typed back; the old key keeps working until then", async () => {
    const now = new Date();
    const { user } = await makeUser({ twoStep: { recoveryKey: oldKey } });
    const sessionId = await openSession(user);
    const prepared = prepareRecoveryKey({ userId: user.id, now });
    expect(prepared.key).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    const replace = (typedKey: string, when = now, sealed = prepared.sealed, userId = user.id) =>
      errorCode(replaceRecoveryKey({ userId, sessionId, sealed, typedKey, now: when }));

    expect(await replace(prepared.key)).toBe("STEP_UP_REQUIRED");
    await recordStepUp({ sessionId, action: "password", now });
    expect(await replace(prepared.key)).toBe("STEP_UP_REQUIRED");
    await recordStepUp({ sessionId, action: "recovery_key", now });
    expect(await replace("AAAA-BBBB-CCCC-DD")).toBe("MISMATCH");
    expect(await replace(prepared.key, at(now, pendingKeyTtlMs + 1000))).toBe("STEP_UP_REQUIRED");
    expect(await replace(prepared.key, now, "garbage")).toBe("EXPIRED");
    const { user: other } = await makeUser({ twoStep: { recoveryKey: oldKey } });
    expect(await replace(prepared.key, now, prepareRecoveryKey({ userId: other.id, now }).sealed)).toBe("EXPIRED");
    expect(await verifyRecoveryKey({ userId: user.id, key: oldKey })).toBe(true);

    expect(await replace(prepared.key.toLowerCase().replace(/-/g, " "))).toBe("resolved");
    expect(await verifyRecoveryKey({ userId: user.id, key: oldKey })).toBe(false);
    expect(await verifyRecoveryKey({ userId: user.id, key: prepared.key })).toBe(true);
    expect((await currentRecoveryKey(user.id))?.confirmedAt).toBeInstanceOf(Date);
    expect(await db.select().from(events).where(and(eq(events.userId, user.id), eq(events.type, "key_confirmed")))).toHaveLength(1);
    expect((await messagesTo(user.email))[0]?.subject).toBe("Your Stepwise Recovery Key was replaced");
  });

  it("is refused for an account without 2SV", async () => {
    const { user } = await makeUser();
    const sessionId = await openSession(user);
    await recordStepUp({ sessionId, action: "recovery_key" });
    const prepared = prepareRecoveryKey({ userId: user.id });
    expect(await errorCode(replaceRecoveryKey({ userId: user.id, sessionId, sealed: prepared.sealed, typedKey: prepared.key }))).toBe("TWO_STEP_OFF");
  });
});
