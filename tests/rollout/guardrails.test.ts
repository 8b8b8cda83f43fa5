import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, countryPauses, events } from "@/db/schema";
import { enqueueMessage } from "@/lib/messaging/enqueue-message";
import { getCountryAvailability } from "@/lib/rollout/get-country-availability";
import { checkGuardrails } from "@/lib/rollout/guardrails/check-guardrails";
import { guardrailBreach } from "@/lib/rollout/guardrails/guardrail-breach";
import { listGuardrailPauses } from "@/lib/rollout/guardrails/list-guardrail-pauses";
import { approveWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { setupTestDatabase } from "../helpers/test-db";
import { stubMessagingEnv } from "../messaging/messaging-env";
import { setupTwilioStub, twilioEnv } from "../messaging/twilio-stub";
import { demoStaff, waveId } from "./fixtures";

setupTestDatabase({ seed: "demo" });
const stub = setupTwilioStub();
beforeEach(() => {
  stub.reset();
  stubMessagingEnv(twilioEnv(stub.baseUrl));
});

const policy = { smsFailureThreshold: 0.25, codeFailureThreshold: 0.5, guardrailMinSample: 20 };

describe("guardrail rule", () => {
  it("judges a rate only once enough tries exist, and trips at the threshold", () => {
    expect(guardrailBreach({ sms: { sent: 1, failed: 9 }, codes: { passed: 0, failed: 0 } }, policy)).toBeNull();
    expect(guardrailBreach({ sms: { sent: 15, failed: 4 }, codes: { passed: 0, failed: 0 } }, policy)).toBeNull();
    expect(guardrailBreach({ sms: { sent: 15, failed: 5 }, codes: { passed: 0, failed: 0 } }, policy)).toMatchObject({ metric: "sms_failure_rate", rate: 0.25, failed: 5, total: 20 });
    expect(guardrailBreach({ sms: { sent: 30, failed: 0 }, codes: { passed: 10, failed: 10 } }, policy)).toMatchObject({ metric: "code_failure_rate", rate: 0.5 });
  });
});

describe("guardrails in a live wave", () => {
  beforeAll(async () => {
    const staff = await demoStaff();
    const id = await waveId("Wave 3");
    await requestWaveApproval({ actor: staff.operator, waveId: id });
    await approveWave({ actor: staff.admin, waveId: id, comment: "launch wave 3" });
  });

  it("SMS failures injected at the carrier for France pause exactly France, with an audit row carrying the figures", async () => {
    // The carrier refuses every French number; German numbers go through.
    stub.reply = (request) => (request.form.To?.startsWith("+33") ? { status: 400, json: { code: 21612, message: "unreachable carrier" } } : { status: 201, json: { sid: `SM${crypto.randomUUID().replaceAll("-", "")}` } });
    const send = (to: string, countryCode: string) => enqueueMessage({ channel: "sms", recipient: to, body: "Your Stepwise code is 123456", countryCode });

    for (let i = 0; i < 15; i++) await send(`+4915112345${String(i).padStart(3, "0")}`, "DE");
    for (let i = 0; i < 19; i++) await send(`+3361234${String(i).padStart(4, "0")}`, "FR");
    // 19 failures: below the minimum sample, France still enrolls.
    expect((await getCountryAvailability("FR")).status).toBe("available");
    await send("+33612349999", "FR");

    expect(await db.select().from(countryPauses)).toEqual([expect.objectContaining({ countryCode: "FR", source: "guardrail" })]);
    expect((await getCountryAvailability("FR")).status).toBe("paused");
    expect((await getCountryAvailability("DE")).status).toBe("available");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "country.guardrail_pause"), eq(auditLog.countryCode, "FR")));
    expect(audit).toMatchObject({ actorId: null, actorLabel: "System (guardrail)", after: { paused: true, wave: "Wave 3", sms: { sent: 0, failed: 20 }, breach: { metric: "sms_failure_rate", failed: 20, total: 20 } } });
    expect(audit!.reason).toMatch(/SMS delivery failures 100\.0% \(20 of 20\)/);
    expect((await listGuardrailPauses()).map((p) => p.code)).toEqual(["FR"]);

    // More failures do not pause twice or write more audit rows.
    await send("+33612348888", "FR");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "country.guardrail_pause"))).toHaveLength(1);
    expect((await db.select().from(events).where(eq(events.type, "sms_failed"))).length).toBe(21);
  });

  it("watches codes only: failed security questions and cancelled passkeys do not pause a country", async () => {
    const now = new Date();
    const failures = (method: string, n: number) =>
      db.insert(events).values(Array.from({ length: n }, () => ({ type: "challenge_failed", method, countryCode: "IT", at: now })));
    await failures("questions", 15);
    await failures("passkey", 15);
    expect(await checkGuardrails("IT", now)).toBeNull();
    expect((await getCountryAvailability("IT")).status).toBe("available");
    await failures("totp", 20);
    expect(await checkGuardrails("IT", now)).toMatchObject({ metric: "code_failure_rate", failed: 20, total: 20 });
    expect((await getCountryAvailability("IT")).status).toBe("paused");
  });

  it("counts accounts, not tries: a few accounts of one's own typing wrong codes or asking undeliverable texts pause nothing", async () => {
    const now = new Date();
    const account = () => crypto.randomUUID();
    const record = (type: string, userId: string, n: number, countryCode: string, method: string | null = "sms") =>
      db.insert(events).values(Array.from({ length: n }, () => ({ type, method, userId, countryCode, at: now })));

    // Three accounts, 45 wrong codes; 17 others each got one wrong before the right one.
    for (let i = 0; i < 3; i++) await record("challenge_failed", account(), 15, "ES");
    for (let i = 0; i < 17; i++) {
      const id = account();
      await record("challenge_failed", id, 1, "ES");
      await record("challenge_passed", id, 1, "ES");
    }
    expect(await checkGuardrails("ES", now)).toBeNull();
    // One account's 25 texts that never arrived.
    await record("sms_failed", account(), 25, "CA", null);
    expect(await checkGuardrails("CA", now)).toBeNull();
    expect(await db.select().from(countryPauses).where(eq(countryPauses.countryCode, "ES"))).toEqual([]);

    // Twenty more accounts that never get a code right: 23 of 40 accounts failed.
    for (let i = 0; i < 20; i++) await record("challenge_failed", account(), 1, "ES");
    expect(await checkGuardrails("ES", now)).toMatchObject({ metric: "code_failure_rate", failed: 23, total: 40 });
    expect((await getCountryAvailability("ES")).status).toBe("paused");
    expect((await getCountryAvailability("CA")).status).toBe("available");
  });
});
