import { and, desc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, outbox, users, waves } from "@/db/schema";
import { unsealText } from "@/lib/crypto/secrets";
import { disableTwoStep } from "@/lib/two-step/enrollment/disable-two-step";
import { getEligibility } from "@/lib/two-step/enrollment/get-eligibility";
import { pauseCountry, resumeCountry } from "@/lib/rollout/countries/pause-country";
import { setSmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { getCountryAvailability } from "@/lib/rollout/get-country-availability";
import { listRegions } from "@/lib/rollout/list-regions";
import { rampBucket } from "@/lib/rollout/ramp";
import { cancelWave, pauseWave, resumeWave } from "@/lib/rollout/waves/pause-wave";
import { previewWaveImpact } from "@/lib/rollout/waves/preview-wave-impact";
import { countWaitingForApproval } from "@/lib/rollout/waves/count-waiting-for-approval";
import { approveWave, rejectWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { saveWaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { makeAccount, stubEnrollmentEnv } from "../enrollment/helpers";
import { setupTestDatabase } from "../helpers/test-db";
import { appointStaff, demoStaff, refusal, waveId } from "./fixtures";

setupTestDatabase({ seed: "demo" });
beforeEach(stubEnrollmentEnv);

let staff: Awaited<ReturnType<typeof demoStaff>>;
beforeAll(async () => {
  staff = await demoStaff();
});

const lastAudit = async () => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;
const full = [{ percent: 100, afterMinutes: 0 }];
const t0 = new Date();
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

describe("wave 3: plan, impact, four-eyes approval, launch", () => {
  it("an operator requests; the requester and non-admins cannot approve; a second admin approves and France is offered 2SV", async () => {
    const id = await waveId("Wave 3");
    const chloe = await makeAccount({ countryCode: "FR" });
    expect((await getEligibility({ user: chloe.user, now: t0 })).status).toBe("unavailable");

    const impact = await previewWaveImpact(["CA", "FR", "DE", "JP", "IT", "ES"], id);
    // The seeded Chloé and this new account.
    expect(impact.rows.find((r) => r.code === "FR")).toMatchObject({ becomeEligible: 2, smsSupported: true, deviceOnly: 0, conflictWave: null });
    expect(impact.totals.conflicts).toBe(0);

    expect(await refusal(requestWaveApproval({ actor: staff.viewer, waveId: id, now: t0 }))).toBe("FORBIDDEN");
    await requestWaveApproval({ actor: staff.operator, waveId: id, now: t0 });
    expect(await lastAudit()).toMatchObject({ action: "wave.request", actorId: staff.operator.id, targetId: String(id), before: { status: "draft" }, after: { status: "pending_approval" } });

    expect(await refusal(approveWave({ actor: staff.operator, waveId: id, comment: "ok", now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(approveWave({ actor: staff.viewer, waveId: id, comment: "looks good", now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(approveWave({ actor: staff.admin, waveId: id, comment: "", now: t0 }))).toBe("REASON_REQUIRED");
    expect((await getEligibility({ user: chloe.user, now: t0 })).status).toBe("unavailable");

    await approveWave({ actor: staff.admin, waveId: id, comment: "Carrier tests passed in all six", now: t0 });
    const [stored] = await db.select().from(waves).where(eq(waves.id, id));
    expect(stored).toMatchObject({ status: "scheduled", reviewedBy: staff.admin.id, reviewComment: "Carrier tests passed in all six" });
    expect(stored!.startsAt!.getTime()).toBe(t0.getTime());
    expect(await lastAudit()).toMatchObject({ action: "wave.approve", actorId: staff.admin.id, reason: "Carrier tests passed in all six", after: { status: "scheduled" } });
    expect((await getEligibility({ user: chloe.user, now: later(0.1) })).status).toBe("eligible");
  });

  it("an admin who requested cannot approve their own request, and a rejection needs a comment and returns to draft", async () => {
    const { id } = await saveWaveDraft({ actor: staff.admin, draft: { name: "Nordics", countryCodes: ["SE", "NO"], startOnApproval: true, startsAt: null, rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: staff.admin, waveId: id, now: t0 });
    expect(await refusal(approveWave({ actor: staff.admin, waveId: id, comment: "mine", now: t0 }))).toBe("OWN_REQUEST");
    expect(await refusal(rejectWave({ actor: staff.approver, waveId: id, comment: " ", now: t0 }))).toBe("REASON_REQUIRED");
    await rejectWave({ actor: staff.approver, waveId: id, comment: "Norwegian carriers not signed yet", now: t0 });
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "draft", reviewComment: "Norwegian carriers not signed yet" });
    expect(await lastAudit()).toMatchObject({ action: "wave.reject", actorId: staff.approver.id });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "replanning", now: t0 });
  });

  it("an approval lands only on the request the approver read: one asked for again since is refused", async () => {
    const draft = { name: "Benelux", countryCodes: ["LU"], startOnApproval: false, startsAt: later(24), rampSteps: full };
    const { id } = await saveWaveDraft({ actor: staff.operator, draft, now: t0 });
    await requestWaveApproval({ actor: staff.operator, waveId: id, now: t0 });
    // While the approver reads it, the plan is sent back, grows and is asked for again.
    await rejectWave({ actor: staff.admin, waveId: id, comment: "one more country", now: later(0.1) });
    await saveWaveDraft({ actor: staff.operator, waveId: id, draft: { ...draft, countryCodes: ["LU", "MC"] }, now: later(0.2) });
    await requestWaveApproval({ actor: staff.operator, waveId: id, now: later(0.2) });

    expect(await refusal(approveWave({ actor: staff.approver, waveId: id, comment: "read it", reviewedRequestAt: t0, now: later(0.3) }))).toBe("REQUEST_CHANGED");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", reviewedBy: null });
    await approveWave({ actor: staff.approver, waveId: id, comment: "read it again", reviewedRequestAt: later(0.2), now: later(0.3) });
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "scheduled", reviewedBy: staff.approver.id });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: later(0.3) });
  });

  it("a request lands only on the plan the requester read: one another staff member saved since is refused", async () => {
    const draft = { name: "Iberia", countryCodes: ["PT"], startOnApproval: false, startsAt: later(24), rampSteps: full };
    const { id } = await saveWaveDraft({ actor: staff.operator, draft, now: t0 });
    // While the operator reads it, an admin adds a country: the operator never saw the plan they would ask for.
    await saveWaveDraft({ actor: staff.admin, waveId: id, draft: { ...draft, countryCodes: ["PT", "AD"] }, now: later(0.1) });
    const audited = (await lastAudit()).id;

    expect(await refusal(requestWaveApproval({ actor: staff.operator, waveId: id, readPlanAt: t0, now: later(0.2) }))).toBe("PLAN_CHANGED");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "draft", requestedBy: null });
    expect((await lastAudit()).id).toBe(audited);

    await requestWaveApproval({ actor: staff.operator, waveId: id, readPlanAt: later(0.1), now: later(0.2) });
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", requestedBy: staff.operator.id });
    // The admin who edited it may approve: the operator asked for the plan as it now reads.
    await approveWave({ actor: staff.admin, waveId: id, comment: "Both carriers signed", reviewedRequestAt: later(0.2), now: later(0.3) });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: later(0.3) });
  });

  it("a staff member demoted while their page was open can no longer change the rollout: each change reads the role again", async () => {
    const [former, formerAdmin] = [await makeAccount(), await makeAccount()];
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: former.user.email, role: "operator", reason: "on call this week" });
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: formerAdmin.user.email, role: "admin", reason: "on call this week" });
    // Their requests began with these roles (as staffContext read them), and then they were taken away.
    const asOperator = { id: former.user.id, name: former.user.name, email: former.user.email, role: "operator" as const };
    const asAdmin = { id: formerAdmin.user.id, name: formerAdmin.user.name, email: formerAdmin.user.email, role: "admin" as const };
    const { id } = await saveWaveDraft({ actor: staff.operator, draft: { name: "Alps", countryCodes: ["CH", "LI"], startOnApproval: false, startsAt: later(24), rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: staff.operator, waveId: id, now: t0 });
    await setStaffRole({ actor: staff.admin, email: former.user.email, role: "user", reason: "rotation ended" });
    await setStaffRole({ actor: staff.admin, email: formerAdmin.user.email, role: "operator", reason: "rotation ended" });
    const audited = (await lastAudit()).id;

    expect(await refusal(approveWave({ actor: asAdmin, waveId: id, comment: "looks fine", now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(cancelWave({ actor: asOperator, waveId: id, reason: "not needed", now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(saveWaveDraft({ actor: asOperator, draft: { name: "Islands", countryCodes: ["IS"], startOnApproval: true, startsAt: null, rampSteps: full }, now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(pauseCountry({ actor: asOperator, countryCode: "US", reason: "outage", now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(setSmsSupport({ actor: asOperator, countryCode: "US", supported: false, reason: "outage", now: t0 }))).toBe("FORBIDDEN");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", reviewedBy: null });
    expect((await lastAudit()).id).toBe(audited);
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: t0 });
  });

  it("a request whose author has lost the operator role can only be rejected", async () => {
    const author = await makeAccount();
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: author.user.email, role: "operator", reason: "new on the team" });
    const operator = { id: author.user.id, name: author.user.name, email: author.user.email, role: "operator" as const };
    const { id } = await saveWaveDraft({ actor: operator, draft: { name: "Orphaned request", countryCodes: ["MN"], startOnApproval: true, startsAt: null, rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: operator, waveId: id, now: t0 });
    await setStaffRole({ actor: staff.admin, email: author.user.email, role: "user", reason: "left the team" });

    expect(await refusal(approveWave({ actor: staff.approver, waveId: id, comment: "looks fine", now: t0 }))).toBe("REQUESTER_NOT_STAFF");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", reviewedBy: null });
    await rejectWave({ actor: staff.approver, waveId: id, comment: "author has left", now: t0 });
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "draft" });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: t0 });
  });

  it("nobody the requester appointed, directly or through others, can approve: four-eyes needs an independent admin", async () => {
    // The requester makes an account of their own an admin, and that one makes another: neither may approve.
    const [mine, mineToo] = [await makeAccount(), await makeAccount()];
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: mine.user.email, role: "admin", reason: "second account" });
    const appointee = { id: mine.user.id, name: mine.user.name, email: mine.user.email, role: "admin" as const };
    await appointStaff({ by: appointee, approvedBy: staff.approver, email: mineToo.user.email, role: "admin", reason: "second account" });
    const ofTheAppointee = { id: mineToo.user.id, name: mineToo.user.name, email: mineToo.user.email, role: "admin" as const };

    const { id } = await saveWaveDraft({ actor: staff.admin, draft: { name: "Baltics", countryCodes: ["EE", "LV"], startOnApproval: false, startsAt: later(24), rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: staff.admin, waveId: id, now: t0 });
    expect(await refusal(approveWave({ actor: appointee, waveId: id, comment: "looks fine", now: t0 }))).toBe("APPOINTED_BY_REQUESTER");
    expect(await refusal(approveWave({ actor: ofTheAppointee, waveId: id, comment: "looks fine", now: t0 }))).toBe("APPOINTED_BY_REQUESTER");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", reviewedBy: null });

    // An admin the requester did not appoint approves.
    await approveWave({ actor: staff.approver, waveId: id, comment: "Carriers signed in both", now: t0 });
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "scheduled", reviewedBy: staff.approver.id });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: t0 });
  });

  it("counts every appointment ever made: two accounts re-appointing each other do not erase the admin who made them", async () => {
    const [b, c] = [await makeAccount(), await makeAccount()];
    const asAdmin = (a: typeof b) => ({ id: a.user.id, name: a.user.name, email: a.user.email, role: "admin" as const });
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: b.user.email, role: "admin", reason: "second account" });
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: c.user.email, role: "admin", reason: "third account" });
    // Each re-appoints the other, so the latest appointer of each is the other one.
    for (const [actor, target] of [[c, b], [b, c]] as const) {
      await setStaffRole({ actor: asAdmin(actor), email: target.user.email, role: "operator", reason: "reshuffle" });
      await appointStaff({ by: asAdmin(actor), approvedBy: staff.approver, email: target.user.email, role: "admin", reason: "reshuffle" });
    }
    const [latestOfB] = await db.select({ by: users.roleGrantedBy }).from(users).where(eq(users.id, b.user.id));
    expect(latestOfB!.by).toBe(c.user.id);

    const { id } = await saveWaveDraft({ actor: staff.admin, draft: { name: "Caucasus", countryCodes: ["GE", "AM"], startOnApproval: false, startsAt: later(24), rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: staff.admin, waveId: id, now: t0 });
    expect(await refusal(approveWave({ actor: asAdmin(b), waveId: id, comment: "looks fine", now: t0 }))).toBe("APPOINTED_BY_REQUESTER");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", reviewedBy: null });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: t0 });
  });

  it("nor whoever appointed the requester: an admin cannot have an account of their own ask, then approve it", async () => {
    const puppet = await makeAccount();
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: puppet.user.email, role: "operator", reason: "second account" });
    const operator = { id: puppet.user.id, name: puppet.user.name, email: puppet.user.email, role: "operator" as const };

    const { id } = await saveWaveDraft({ actor: staff.admin, draft: { name: "Islands", countryCodes: ["IS", "MT"], startOnApproval: false, startsAt: later(24), rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: operator, waveId: id, now: t0 });
    expect(await refusal(approveWave({ actor: staff.admin, waveId: id, comment: "looks fine", now: t0 }))).toBe("APPOINTED_THE_REQUESTER");
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "pending_approval", reviewedBy: null });

    await approveWave({ actor: staff.approver, waveId: id, comment: "Carriers signed in both", now: t0 });
    expect((await db.select().from(waves).where(eq(waves.id, id)))[0]).toMatchObject({ status: "scheduled", reviewedBy: staff.approver.id });
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: t0 });
  });

  it("asking for approval emails each admin who could decide, and counts it on their console; not the requester, their appointees or admins without 2SV", async () => {
    const [appointee, without2sv] = [await makeAccount({ twoStepEnabledAt: t0 }), await makeAccount()];
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: appointee.user.email, role: "admin", reason: "second account" });
    await appointStaff({ by: staff.approver, approvedBy: staff.admin, email: without2sv.user.email, role: "admin", reason: "new admin" });
    const waitingBefore = {
      admin: await countWaitingForApproval(staff.admin.id),
      approver: await countWaitingForApproval(staff.approver.id),
      appointee: await countWaitingForApproval(appointee.user.id),
    };

    const { id } = await saveWaveDraft({ actor: staff.admin, draft: { name: "Fjords", countryCodes: ["NO", "FI"], startOnApproval: false, startsAt: later(24), rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: staff.admin, waveId: id, now: t0 });

    const emails = await db
      .select({ recipient: outbox.recipient, body: outbox.body })
      .from(outbox)
      .where(and(eq(outbox.channel, "email"), eq(outbox.subject, "Fjords is waiting for your approval")));
    expect(emails.map((e) => e.recipient)).toEqual([staff.approver.email]);
    const body = unsealText(emails[0]!.body);
    expect(body).toContain(`Ada Admin <admin@stepwise.test> asked to launch Fjords in Finland, Norway.`);
    expect(body).toContain(`/admin/waves/${id}`);

    expect(await countWaitingForApproval(staff.approver.id)).toBe(waitingBefore.approver + 1);
    expect(await countWaitingForApproval(staff.admin.id)).toBe(waitingBefore.admin);
    // The requester's appointee could not approve it either: no email, and nothing waits for them.
    expect(await countWaitingForApproval(appointee.user.id)).toBe(waitingBefore.appointee);
    await approveWave({ actor: staff.approver, waveId: id, comment: "Carriers signed in both", now: t0 });
    expect(await countWaitingForApproval(staff.approver.id)).toBe(waitingBefore.approver);
    await cancelWave({ actor: staff.operator, waveId: id, reason: "test over", now: t0 });
  });

  it("refuses a country already in another wave, naming it, and stores nothing", async () => {
    const before = await db.select().from(waves);
    const code = await refusal(saveWaveDraft({ actor: staff.operator, draft: { name: "Latin America", countryCodes: ["BR", "CL"], startOnApproval: true, startsAt: null, rampSteps: full }, now: t0 }));
    expect(code).toBe("COUNTRY_CONFLICT");
    try {
      await saveWaveDraft({ actor: staff.operator, draft: { name: "Latin America", countryCodes: ["BR", "CL"], startOnApproval: true, startsAt: null, rampSteps: full }, now: t0 });
    } catch (error) {
      expect((error as { details: { conflicts: unknown } }).details.conflicts).toEqual([{ code: "BR", name: "Brazil", wave: "Wave 2" }]);
    }
    expect(await db.select().from(waves)).toHaveLength(before.length);
    expect((await previewWaveImpact(["BR", "CL"])).rows.find((r) => r.code === "BR")?.conflictWave).toBe("Wave 2");
  });
});

describe("scheduled start and ramp steps with a fake clock", () => {
  it("is scheduled before its start, ramps 20% → 100% on time, and each account's offer follows its bucket", async () => {
    const { id } = await saveWaveDraft({
      actor: staff.operator,
      draft: { name: "Iberia+", countryCodes: ["PT"], startOnApproval: false, startsAt: later(1), rampSteps: [{ percent: 20, afterMinutes: 0 }, { percent: 100, afterMinutes: 120 }] },
      now: t0,
    });
    await requestWaveApproval({ actor: staff.operator, waveId: id, now: t0 });
    await approveWave({ actor: staff.admin, waveId: id, comment: "go ahead", now: t0 });
    const accounts = await Promise.all(Array.from({ length: 30 }, () => makeAccount({ countryCode: "PT" })));

    expect(await getCountryAvailability("PT", later(0.5))).toMatchObject({ status: "scheduled" });
    expect(await getCountryAvailability("PT", later(1))).toMatchObject({ status: "ramping", percent: 20 });
    for (const { user } of accounts) {
      const expected = rampBucket(id, user.id) < 20 ? "eligible" : "unavailable";
      expect((await getEligibility({ user, now: later(1.5) })).status).toBe(expected);
    }
    // The SQL twin of the bucket hash counts the same accounts as the JavaScript one.
    const inJs = accounts.filter(({ user }) => rampBucket(id, user.id) < 20).length;
    const pt = (await listRegions(later(1.5))).find((r) => r.code === "PT")!;
    expect(pt).toMatchObject({ status: "ramping", percent: 20, accounts: 30, eligible: inJs });

    expect(await getCountryAvailability("PT", later(3))).toMatchObject({ status: "available" });
    for (const { user } of accounts) expect((await getEligibility({ user, now: later(3) })).status).toBe("eligible");
    expect(await refusal(cancelWave({ actor: staff.operator, waveId: id, reason: "too late", now: later(2) }))).toBe("ALREADY_STARTED");
  });
});

describe("pause / kill switch", () => {
  it("pausing France stops new enrollments at once; enrolled accounts keep 2SV and can turn it off; resume restores the plan", async () => {
    const now = new Date();
    const newcomer = await makeAccount({ countryCode: "FR" });
    const enrolled = await makeAccount({ countryCode: "FR", twoStepEnabledAt: new Date(now.getTime() - 60_000) });
    const planned = await getCountryAvailability("FR", now);
    expect(planned.status).toBe("available");

    expect(await refusal(pauseCountry({ actor: staff.viewer, countryCode: "FR", reason: "test", now }))).toBe("FORBIDDEN");
    expect(await refusal(pauseCountry({ actor: staff.operator, countryCode: "FR", reason: "", now }))).toBe("REASON_REQUIRED");
    await pauseCountry({ actor: staff.operator, countryCode: "FR", reason: "SMS carrier outage in France", now });
    expect(await lastAudit()).toMatchObject({ action: "country.pause", countryCode: "FR", reason: "SMS carrier outage in France", before: { paused: false }, after: { paused: true } });
    expect(await getEligibility({ user: newcomer.user, now })).toMatchObject({ status: "unavailable", availability: { status: "paused" } });
    expect((await getEligibility({ user: enrolled.user, now })).status).toBe("enabled");
    // Germany, in the same wave, is untouched.
    expect((await getCountryAvailability("DE", now)).status).toBe("available");

    await resumeCountry({ actor: staff.operator, countryCode: "FR", reason: "carrier back", now });
    expect(await getCountryAvailability("FR", now)).toEqual(planned);
    expect((await getEligibility({ user: newcomer.user, now })).status).toBe("eligible");
    expect(await lastAudit()).toMatchObject({ action: "country.resume", before: { paused: true, pauseReason: "SMS carrier outage in France" } });
  });

  it("an enrolled account in a paused wave can still turn 2SV off", async () => {
    const now = new Date();
    const id = await waveId("Wave 3");
    const enrolled = await makeAccount({ countryCode: "DE", twoStepEnabledAt: new Date(now.getTime() - 60_000) });
    await pauseWave({ actor: staff.operator, waveId: id, reason: "fraud review", now });
    expect((await getCountryAvailability("DE", now)).status).toBe("paused");
    await disableTwoStep({
      userId: enrolled.user.id,
      sessionId: enrolled.sessionId,
      questions: [
        { questionKey: "firstTeacher", answer: "Frau Weber" },
        { questionKey: "childhoodStreet", answer: "Hauptstrasse" },
        { questionKey: "firstJobCity", answer: "Bremen" },
      ],
      now,
    });
    expect(await getEligibility({ user: { ...enrolled.user, twoStepEnabledAt: null }, now })).toMatchObject({ status: "unavailable", availability: { status: "paused" } });
    await resumeWave({ actor: staff.operator, waveId: id, reason: "review done", now });
    expect((await getCountryAvailability("DE", now)).status).toBe("available");
    expect((await db.select().from(auditLog).where(eq(auditLog.targetId, String(id)))).map((r) => r.action)).toEqual(expect.arrayContaining(["wave.pause", "wave.resume"]));
  });
});
