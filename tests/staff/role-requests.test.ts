import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, outbox, staffRoleRequests, users } from "@/db/schema";
import { unsealText } from "@/lib/crypto/secrets";
import { approveWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { cancelWave } from "@/lib/rollout/waves/pause-wave";
import { saveWaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import type { StaffActor } from "@/lib/rollout/waves/staff-actor";
import { appointmentTie } from "@/lib/staff/appointed-by";
import { listRoleRequests } from "@/lib/staff/list-role-requests";
import { approveStaffRole, rejectStaffRole } from "@/lib/staff/review-staff-role";
import { setRoleFromServer } from "@/lib/staff/set-role-from-server";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { makeAccount } from "../enrollment/helpers";
import { setupTestDatabase } from "../helpers/test-db";
import { appointStaff, demoStaff, refusal } from "../rollout/fixtures";

setupTestDatabase({ seed: "demo" });
let staff: Awaited<ReturnType<typeof demoStaff>>;
beforeAll(async () => {
  staff = await demoStaff();
});

const t0 = new Date("2026-12-01T09:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);
const week = 7 * 86_400_000;

const roleOf = async (id: string) => (await db.select({ role: users.role, by: users.roleGrantedBy }).from(users).where(eq(users.id, id)))[0]!;
const requestFor = async (id: string) => (await db.select().from(staffRoleRequests).where(eq(staffRoleRequests.userId, id)))[0];
const auditOf = async (email: string) => db.select().from(auditLog).where(eq(auditLog.targetId, email)).orderBy(desc(auditLog.id));
const asActor = (u: { id: string; name: string; email: string }, role: StaffActor["role"]): StaffActor => ({ id: u.id, name: u.name, email: u.email, role });

describe("a higher staff role takes two admins", () => {
  it("one admin asks and nothing changes; the asker cannot approve; another admin approves and the log names both", async () => {
    const { user } = await makeAccount();
    const asked = await setStaffRole({ actor: staff.admin, email: user.email, role: "operator", reason: "joins the on-call rota", now: t0 });
    expect(asked).toMatchObject({ pending: true, before: "user", after: "operator" });
    expect(await roleOf(user.id)).toEqual({ role: "user", by: null });
    const request = (await requestFor(user.id))!;
    expect(request).toMatchObject({ fromRole: "user", role: "operator", requestedBy: staff.admin.id, reason: "joins the on-call rota" });
    expect((await auditOf(user.email))[0]).toMatchObject({ action: "staff.role_request", actorId: staff.admin.id, after: { role: "operator", userId: user.id } });

    expect(await refusal(approveStaffRole({ actor: staff.admin, requestId: request.id, now: t0 }))).toBe("OWN_ROLE_REQUEST");
    // Nor the account itself, nor an operator: only an admin approves.
    expect(await refusal(approveStaffRole({ actor: asActor(user, "admin"), requestId: request.id, now: t0 }))).toBe("FORBIDDEN");
    expect(await refusal(approveStaffRole({ actor: staff.operator, requestId: request.id, now: t0 }))).toBe("FORBIDDEN");
    expect(await roleOf(user.id)).toEqual({ role: "user", by: null });

    expect(await approveStaffRole({ actor: staff.approver, requestId: request.id, now: days(1) })).toEqual({ email: user.email, before: "user", after: "operator" });
    // The role counts as given by whoever asked; the approver vouched for it.
    expect(await roleOf(user.id)).toEqual({ role: "operator", by: staff.admin.id });
    expect(await requestFor(user.id)).toBeUndefined();
    expect((await auditOf(user.email))[0]).toMatchObject({
      action: "staff.role",
      actorId: staff.approver.id,
      reason: "joins the on-call rota",
      before: { role: "user" },
      after: { role: "operator", userId: user.id, requestedBy: staff.admin.id, requestId: request.id },
    });
    // Approved once: a second approval finds nothing.
    expect(await refusal(approveStaffRole({ actor: staff.approver, requestId: request.id, now: days(1) }))).toBe("ROLE_REQUEST_GONE");
  });

  it("closes the two-puppet hole: two accounts one admin asked for cannot ask for and approve a launch, even once approved", async () => {
    // Before, admin A could appoint B (operator) and C (admin), neither appointed by the other: B asked, C approved.
    const [b, c] = [await makeAccount(), await makeAccount()];
    await setStaffRole({ actor: staff.admin, email: b.user.email, role: "operator", reason: "second account", now: t0 });
    await setStaffRole({ actor: staff.admin, email: c.user.email, role: "admin", reason: "third account", now: t0 });
    expect([(await roleOf(b.user.id)).role, (await roleOf(c.user.id)).role]).toEqual(["user", "user"]);
    // Only another admin can give them their roles, and sees both requests and who asked.
    const seen = await listRoleRequests(staff.approver.id, t0);
    expect(seen.filter((r) => [b.user.email, c.user.email].includes(r.email))).toEqual([
      expect.objectContaining({ email: b.user.email, role: "operator", requester: "Ada Admin <admin@stepwise.test>", canApprove: true, mine: false }),
      expect.objectContaining({ email: c.user.email, role: "admin", requester: "Ada Admin <admin@stepwise.test>", canApprove: true, mine: false }),
    ]);
    expect((await listRoleRequests(staff.admin.id, t0)).find((r) => r.email === c.user.email)).toMatchObject({ mine: true, canApprove: false });

    // Even if that admin approves both, the two are one line of appointment: C may not approve what B asks for.
    for (const u of [b, c]) await approveStaffRole({ actor: staff.approver, requestId: (await requestFor(u.user.id))!.id, now: t0 });
    const [asB, asC] = [asActor(b.user, "operator"), asActor(c.user, "admin")];
    const { id } = await saveWaveDraft({ actor: asB, draft: { name: "Puppets", countryCodes: ["MC"], startOnApproval: false, startsAt: days(30), rampSteps: [{ percent: 100, afterMinutes: 0 }] }, now: t0 });
    await requestWaveApproval({ actor: asB, waveId: id, now: t0 });
    expect(await refusal(approveWave({ actor: asC, waveId: id, comment: "looks fine", now: t0 }))).toBe("SAME_APPOINTER");
    expect(await refusal(approveWave({ actor: staff.admin, waveId: id, comment: "looks fine", now: t0 }))).toBe("APPOINTED_THE_REQUESTER");
    // The admin who only approved their roles is outside that line.
    await approveWave({ actor: staff.approver, waveId: id, comment: "carrier signed", now: t0 });
    await cancelWave({ actor: asB, waveId: id, reason: "test over", now: t0 });

    // And C approves no role that A asks for, nor anything another of A's appointees asks for.
    const d = await makeAccount();
    await setStaffRole({ actor: staff.admin, email: d.user.email, role: "viewer", reason: "reads", now: t0 });
    expect(await refusal(approveStaffRole({ actor: asC, requestId: (await requestFor(d.user.id))!.id, now: t0 }))).toBe("ROLE_APPOINTED_BY_REQUESTER");
    await rejectStaffRole({ actor: staff.approver, requestId: (await requestFor(d.user.id))!.id, reason: "not needed", now: t0 });
    expect(await requestFor(d.user.id)).toBeUndefined();
    expect((await auditOf(d.user.email))[0]).toMatchObject({ action: "staff.role_reject", actorId: staff.approver.id, reason: "not needed", after: { role: "viewer", requestedBy: staff.admin.id } });
  });

  it("a lower role appoints nobody: whoever raised the account stays its only appointer", async () => {
    const { user } = await makeAccount();
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: user.email, role: "admin", reason: "new admin" });
    await setStaffRole({ actor: staff.approver, email: user.email, role: "viewer", reason: "on leave", now: t0 });
    expect(await roleOf(user.id)).toEqual({ role: "viewer", by: staff.admin.id });
    expect(await appointmentTie(db, { approverId: staff.approver.id, requesterId: user.id })).toBeNull();
    expect(await appointmentTie(db, { approverId: staff.admin.id, requesterId: user.id })).toBe("appointed_the_requester");
    expect(await appointmentTie(db, { approverId: user.id, requesterId: staff.admin.id })).toBe("appointed_by_requester");
  });

  it("an admin the asker appointed cannot approve the asker's requests, nor the asker theirs; an independent admin can", async () => {
    const [appointee, x, y] = [await makeAccount(), await makeAccount(), await makeAccount()];
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: appointee.user.email, role: "admin", reason: "new admin" });
    const asAppointee = asActor(appointee.user, "admin");

    await setStaffRole({ actor: staff.admin, email: x.user.email, role: "viewer", reason: "reads the dashboards", now: t0 });
    const byAdmin = (await requestFor(x.user.id))!.id;
    expect(await refusal(approveStaffRole({ actor: asAppointee, requestId: byAdmin, now: t0 }))).toBe("ROLE_APPOINTED_BY_REQUESTER");
    expect((await listRoleRequests(appointee.user.id, t0)).find((r) => r.id === byAdmin)).toMatchObject({ canApprove: false });

    await setStaffRole({ actor: asAppointee, email: y.user.email, role: "viewer", reason: "reads the dashboards", now: t0 });
    const byAppointee = (await requestFor(y.user.id))!.id;
    expect(await refusal(approveStaffRole({ actor: staff.admin, requestId: byAppointee, now: t0 }))).toBe("ROLE_APPOINTED_THE_REQUESTER");
    expect(await roleOf(y.user.id)).toMatchObject({ role: "user" });

    // The approver appointed neither: both go through.
    await approveStaffRole({ actor: staff.approver, requestId: byAdmin, now: t0 });
    await approveStaffRole({ actor: staff.approver, requestId: byAppointee, now: t0 });
    expect([(await roleOf(x.user.id)).role, (await roleOf(y.user.id)).role]).toEqual(["viewer", "viewer"]);
  });

  it("asking emails each admin who could approve it: not the asker, nor their appointees, nor admins without 2SV", async () => {
    const [appointee, without2sv, target] = [await makeAccount({ twoStepEnabledAt: t0 }), await makeAccount(), await makeAccount()];
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: appointee.user.email, role: "admin", reason: "new admin" });
    await setRoleFromServer(db, { email: without2sv.user.email, role: "admin", reason: "new admin", by: "root@test" });
    await setStaffRole({ actor: staff.admin, email: target.user.email, role: "operator", reason: "joins the\non-call rota", now: t0 });
    const emails = (await db.select({ recipient: outbox.recipient, body: outbox.body }).from(outbox).where(eq(outbox.subject, "A staff role is waiting for your approval")))
      .map((e) => ({ recipient: e.recipient, body: unsealText(e.body) }))
      .filter((e) => e.body.includes(target.user.email));
    expect(emails.map((e) => e.recipient)).toEqual([staff.approver.email]);
    const body = emails[0]!.body;
    expect(body).toContain(`Ada Admin <admin@stepwise.test> asked to make ${target.user.email} an operator (now: no staff role).`);
    expect(body).toContain("Their reason: joins the on-call rota");
    expect(body).toContain("/admin/staff");
  });

  it("a request lasts a week: approving it later is refused, and a new one may replace it; until then, one request per account", async () => {
    const { user } = await makeAccount();
    await setStaffRole({ actor: staff.admin, email: user.email, role: "operator", reason: "joins the on-call rota", now: t0 });
    expect(await refusal(setStaffRole({ actor: staff.approver, email: user.email, role: "admin", reason: "should be admin", now: days(6) }))).toBe("ROLE_ALREADY_ASKED");
    const first = (await requestFor(user.id))!.id;
    const late = new Date(t0.getTime() + week + 1);
    expect(await refusal(approveStaffRole({ actor: staff.approver, requestId: first, now: late }))).toBe("ROLE_REQUEST_EXPIRED");
    expect((await listRoleRequests(staff.approver.id, late)).find((r) => r.id === first)).toMatchObject({ expired: true, canApprove: false });
    expect(await roleOf(user.id)).toMatchObject({ role: "user" });

    await setStaffRole({ actor: staff.approver, email: user.email, role: "admin", reason: "should be admin", now: late });
    const second = (await requestFor(user.id))!;
    expect(second).toMatchObject({ role: "admin", requestedBy: staff.approver.id });
    expect(second.id).not.toBe(first);
    await approveStaffRole({ actor: staff.admin, requestId: second.id, now: late });
    expect(await roleOf(user.id)).toEqual({ role: "admin", by: staff.approver.id });
  });

  it("lowering a role is immediate and drops a request waiting for that account, so an approval cannot bring it back", async () => {
    const { user } = await makeAccount();
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: user.email, role: "viewer", reason: "reads the dashboards" });
    await setStaffRole({ actor: staff.admin, email: user.email, role: "admin", reason: "promotion", now: t0 });
    const request = (await requestFor(user.id))!.id;

    expect(await setStaffRole({ actor: staff.approver, email: user.email, role: "user", reason: "left the company", now: t0 })).toMatchObject({ pending: false, after: "user" });
    expect(await roleOf(user.id)).toEqual({ role: "user", by: null });
    expect(await refusal(approveStaffRole({ actor: staff.approver, requestId: request, now: t0 }))).toBe("ROLE_REQUEST_GONE");
    expect(await roleOf(user.id)).toEqual({ role: "user", by: null });
  });

  it("an admin who loses the role takes their waiting requests with them; the asker can withdraw their own, with a reason", async () => {
    const [asker, target, other] = [await makeAccount(), await makeAccount(), await makeAccount()];
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: asker.user.email, role: "admin", reason: "new admin" });
    const asAsker = asActor(asker.user, "admin");
    await setStaffRole({ actor: asAsker, email: target.user.email, role: "operator", reason: "on call", now: t0 });
    const orphan = (await requestFor(target.user.id))!.id;
    await setStaffRole({ actor: staff.admin, email: asker.user.email, role: "viewer", reason: "stepped back", now: t0 });
    expect(await requestFor(target.user.id)).toBeUndefined();
    expect(await refusal(approveStaffRole({ actor: staff.approver, requestId: orphan, now: t0 }))).toBe("ROLE_REQUEST_GONE");
    expect(await roleOf(target.user.id)).toMatchObject({ role: "user" });

    await setStaffRole({ actor: staff.admin, email: other.user.email, role: "viewer", reason: "reads the dashboards", now: t0 });
    const mine = (await requestFor(other.user.id))!.id;
    expect(await refusal(rejectStaffRole({ actor: staff.admin, requestId: mine, reason: " \u0000 ", now: t0 }))).toBe("REASON_REQUIRED");
    expect(await requestFor(other.user.id)).toBeDefined();
    expect(await rejectStaffRole({ actor: staff.admin, requestId: mine, reason: "wrong person", now: t0 })).toMatchObject({ withdrawn: true });
    expect((await auditOf(other.user.email))[0]).toMatchObject({ action: "staff.role_reject", actorId: staff.admin.id, reason: "wrong person", after: { role: "viewer", withdrawn: true } });
    expect(await requestFor(other.user.id)).toBeUndefined();
    expect(await roleOf(other.user.id)).toMatchObject({ role: "user" });
  });

  it("two admins approving one request at the same moment give the role once", async () => {
    const { user } = await makeAccount();
    const third = await makeAccount();
    await setRoleFromServer(db, { email: third.user.email, role: "admin", reason: "third founding admin", by: "root@test" });
    await setStaffRole({ actor: staff.admin, email: user.email, role: "operator", reason: "on call", now: t0 });
    const request = (await requestFor(user.id))!.id;
    const results = await Promise.allSettled([
      approveStaffRole({ actor: staff.approver, requestId: request, now: t0 }),
      approveStaffRole({ actor: asActor(third.user, "admin"), requestId: request, now: t0 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await refusal(Promise.reject((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason))).toBe("ROLE_REQUEST_GONE");
    expect((await auditOf(user.email)).filter((r) => r.action === "staff.role")).toHaveLength(1);
  });
});

describe("npm run staff:role (from the server)", () => {
  it("sets a role without a second admin, audited with who ran it; admins it makes are independent for four-eyes", async () => {
    const [first, second] = [await makeAccount({ twoStepEnabledAt: t0 }), await makeAccount({ twoStepEnabledAt: t0 })];
    await setStaffRole({ actor: staff.admin, email: first.user.email, role: "viewer", reason: "reads", now: t0 });
    expect(await setRoleFromServer(db, { email: first.user.email, role: "admin", reason: "founding admin", by: "root@host" })).toEqual({ email: first.user.email, before: "user", after: "admin" });
    await setRoleFromServer(db, { email: second.user.email, role: "admin", reason: "founding admin", by: "root@host" });
    // What the console asked for this account gave way to the server's decision.
    expect(await requestFor(first.user.id)).toBeUndefined();
    expect(await roleOf(first.user.id)).toEqual({ role: "admin", by: null });
    expect((await auditOf(first.user.email))[0]).toMatchObject({ action: "staff.role", actorId: null, actorLabel: "Server console (root@host)", reason: "founding admin", before: { role: "user" }, after: { role: "admin" } });
    expect(await refusal(setRoleFromServer(db, { email: "nobody@example.com", role: "admin", reason: "founding admin", by: "root@host" }))).toBe("NO_ACCOUNT");
    expect(await refusal(setRoleFromServer(db, { email: second.user.email, role: "admin", reason: "again", by: "root@host" }))).toBe("UNCHANGED");

    const [a, b] = [asActor(first.user, "admin"), asActor(second.user, "admin")];
    const full = [{ percent: 100, afterMinutes: 0 }];
    const { id } = await saveWaveDraft({ actor: a, draft: { name: "Founders", countryCodes: ["LU"], startOnApproval: false, startsAt: days(30), rampSteps: full }, now: t0 });
    await requestWaveApproval({ actor: a, waveId: id, now: t0 });
    await approveWave({ actor: b, waveId: id, comment: "independent founder", now: t0 });
    await cancelWave({ actor: a, waveId: id, reason: "test over", now: t0 });
  });
});
