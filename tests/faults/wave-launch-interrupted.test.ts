// Fault test: a wave launch (approval, which starts a start-on-approval wave) and a wave edit are interrupted part-way
// through their transaction. A temporary trigger, created by the test and dropped afterwards, makes the database
// raise on one statement in the middle: on the audit_log insert (the launch's last write), or on the Nth
// wave_countries insert (an edit, after the old membership was already deleted). Real database (PGlite, or
// PostgreSQL with TEST_DATABASE_URL), the real functions the staff console calls. All or nothing: nothing of the
// interrupted call may persist, and the same call succeeds exactly once after the fault is removed.
import { asc, count, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, events, waveCountries, waves } from "@/db/schema";
import { getCountryAvailability } from "@/lib/rollout/get-country-availability";
import { approveWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { saveWaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { makeAccount, stubEnrollmentEnv } from "../enrollment/helpers";
import { setupTestDatabase } from "../helpers/test-db";
import { demoStaff, waveId } from "../rollout/fixtures";

setupTestDatabase({ seed: "demo" });
beforeEach(stubEnrollmentEnv);

let staff: Awaited<ReturnType<typeof demoStaff>>;
let id: number;
beforeAll(async () => {
  staff = await demoStaff();
  id = await waveId("Wave 3");
});

/** The fault: a trigger raising `fault_injected` when `condition` holds for a row inserted into `table`. */
async function injectFault(table: "audit_log" | "wave_countries", condition: string) {
  await db.execute(
    sql.raw(`create or replace function stepwise_fault_injected() returns trigger language plpgsql as $$
      begin
        if ${condition} then raise exception 'fault injected on % insert', tg_table_name using errcode = 'P0001'; end if;
        return new;
      end $$`),
  );
  await db.execute(sql.raw(`create trigger stepwise_fault before insert on "${table}" for each row execute function stepwise_fault_injected()`));
  return table;
}
let faulted: string | undefined;
async function removeFault() {
  if (!faulted) return;
  await db.execute(sql.raw(`drop trigger if exists stepwise_fault on "${faulted}"`));
  await db.execute(sql`drop function if exists stepwise_fault_injected()`);
  faulted = undefined;
}
afterEach(removeFault);

/** Everything a wave command can write, for one wave: compared before and after the interrupted call. */
async function snapshot(id: number) {
  const [wave] = await db.select().from(waves).where(eq(waves.id, id));
  const members = await db.select({ code: waveCountries.countryCode }).from(waveCountries).where(eq(waveCountries.waveId, id)).orderBy(asc(waveCountries.countryCode));
  const [audits] = await db.select({ n: count() }).from(auditLog);
  const [eventRows] = await db.select({ n: count() }).from(events);
  const [waveRows] = await db.select({ n: count() }).from(waves);
  return { wave, countries: members.map((m) => m.code), auditRows: audits!.n, eventRows: eventRows!.n, waveRows: waveRows!.n };
}

/** The rejection of `promise`, as the database's message (drizzle wraps it: "Failed query…", cause = the error). */
async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error as Error).message;
  }
  return "NO_ERROR";
}

const t0 = new Date();
const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("wave 3: an edit interrupted after its old countries were deleted", () => {
  it("keeps the wave's previous name and six countries, then the same edit succeeds once", async () => {
    const before = await snapshot(id);
    expect(before.countries).toEqual(["CA", "DE", "ES", "FR", "IT", "JP"]);
    expect(before.wave!.status).toBe("draft");

    const edit = { name: "Wave 3 (G7 first)", countryCodes: ["CA", "DE", "FR", "IT", "JP"], startOnApproval: true, startsAt: null, rampSteps: [{ percent: 100, afterMinutes: 0 }] };
    // saveWaveDraft updates the wave row, deletes its memberships, then inserts the new ones in code order
    // (CA, DE, FR, IT, JP): the third insert fails, with the wave renamed and its old countries already deleted.
    faulted = await injectFault("wave_countries", `new.country_code = 'FR'`);
    expect(await failureOf(saveWaveDraft({ actor: staff.operator, waveId: id, draft: edit, now: t0 }))).toBe("fault injected on wave_countries insert");
    expect(await snapshot(id)).toEqual(before);

    await removeFault();
    await saveWaveDraft({ actor: staff.operator, waveId: id, draft: edit, now: t0 });
    const after = await snapshot(id);
    expect(after.wave).toMatchObject({ name: "Wave 3 (G7 first)", status: "draft" });
    expect(after.countries).toEqual(["CA", "DE", "FR", "IT", "JP"]);
    expect(after.auditRows).toBe(before.auditRows + 1);
    const updates = await db.select().from(auditLog).where(eq(auditLog.action, "wave.update"));
    expect(updates.filter((a) => a.targetId === String(id))).toHaveLength(1);
  });
});

describe("wave 3: a launch interrupted at its audit row", () => {
  it("leaves the wave pending approval, France unavailable and no audit row; after the fault the launch succeeds exactly once", async () => {
    await requestWaveApproval({ actor: staff.operator, waveId: id, now: t0 });
    const chloe = await makeAccount({ countryCode: "FR" });
    const before = await snapshot(id);
    expect(before.wave).toMatchObject({ status: "pending_approval", startOnApproval: true, startsAt: null, reviewedBy: null });
    expect((await getEligibility({ user: chloe.user, now: later(1) })).status).toBe("unavailable");
    const availabilityBefore = await getCountryAvailability("FR", later(1));

    // approveWave: lock → read → UPDATE waves (scheduled, starts now) → INSERT audit_log. The insert fails.
    faulted = await injectFault("audit_log", `new.action = 'wave.approve'`);
    const launch = () => approveWave({ actor: staff.admin, waveId: id, comment: "Carrier tests passed in all five", now: t0 });
    expect(await failureOf(launch())).toBe("fault injected on audit_log insert");
    // Twice: a failed launch leaves no lock or half state behind that would change the second failure.
    expect(await failureOf(launch())).toBe("fault injected on audit_log insert");

    expect(await snapshot(id)).toEqual(before);
    expect(await getCountryAvailability("FR", later(1))).toEqual(availabilityBefore);
    expect((await getEligibility({ user: chloe.user, now: later(1) })).status).toBe("unavailable");

    await removeFault();
    await launch();
    const after = await snapshot(id);
    expect(after.wave).toMatchObject({ status: "scheduled", reviewedBy: staff.admin.id, reviewComment: "Carrier tests passed in all five" });
    expect(after.wave!.startsAt!.getTime()).toBe(t0.getTime());
    expect(after.countries).toEqual(before.countries);
    expect(after.auditRows).toBe(before.auditRows + 1);
    const approvals = (await db.select().from(auditLog).where(eq(auditLog.action, "wave.approve"))).filter((a) => a.targetId === String(id));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ actorId: staff.admin.id, before: { status: "pending_approval" }, after: { status: "scheduled" } });
    expect((await getEligibility({ user: chloe.user, now: later(1) })).status).toBe("eligible");

    // Exactly once: approving again is refused (it is no longer pending) and writes nothing.
    expect(await failureOf(launch())).not.toBe("NO_ERROR");
    expect((await snapshot(id)).auditRows).toBe(after.auditRows);
  });
});
