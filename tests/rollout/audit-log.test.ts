import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { countAudit, listAudit } from "@/lib/audit/list-audit";
import { setSmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { setStaffRole } from "@/lib/staff/set-staff-role";
import { setupTestDatabase } from "../helpers/test-db";
import { appointStaff, demoStaff, refusal } from "./fixtures";

setupTestDatabase({ seed: "demo" });
let staff: Awaited<ReturnType<typeof demoStaff>>;
beforeAll(async () => {
  staff = await demoStaff();
});

const databaseRefusal = async (statement: ReturnType<typeof sql>) => {
  try {
    await db.execute(statement);
    return "accepted";
  } catch (error) {
    const e = error as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ""} ${e.cause?.message ?? ""}`;
  }
};

describe("audit log", () => {
  it("the database refuses UPDATE, DELETE and TRUNCATE on audit rows, whoever asks", async () => {
    await setSmsSupport({ actor: staff.operator, countryCode: "IS", supported: true, reason: "carrier signed" });
    const before = await db.select().from(auditLog);
    expect(before.length).toBeGreaterThan(0);

    expect(await databaseRefusal(sql`update audit_log set reason = 'tampered'`)).toMatch(/append-only: UPDATE refused/);
    expect(await databaseRefusal(sql`delete from audit_log`)).toMatch(/append-only: DELETE refused/);
    expect(await databaseRefusal(sql`truncate audit_log`)).toMatch(/append-only: TRUNCATE refused/);
    expect(await db.select().from(auditLog)).toEqual(before);
  });

  it("SMS carrier support changes need a reason and are audited with it, before and after; an unchanged value writes nothing", async () => {
    const count = async () => (await db.select().from(auditLog)).length;
    expect(await refusal(setSmsSupport({ actor: staff.viewer, countryCode: "IS", supported: false, reason: "carrier outage" }))).toBe("FORBIDDEN");
    const n = await count();
    expect(await refusal(setSmsSupport({ actor: staff.operator, countryCode: "IS", supported: false, reason: " \u0007 " }))).toBe("REASON_REQUIRED");
    expect(await count()).toBe(n);
    await setSmsSupport({ actor: staff.operator, countryCode: "IS", supported: false, reason: "carrier outage" });
    await setSmsSupport({ actor: staff.operator, countryCode: "IS", supported: false, reason: "carrier outage" });
    expect(await count()).toBe(n + 1);
    // The page loads the newest entries and says how many there are in all.
    expect(await countAudit()).toBe(n + 1);
    expect((await listAudit({ limit: 1 })).map((r) => r.action)).toEqual(["country.sms"]);
    // Older entries a page at a time, from the oldest one shown: every entry is reachable, none twice.
    const pages: number[][] = [];
    for (let before: number | undefined; ; ) {
      const page = await listAudit({ limit: 2, before });
      if (page.length === 0) break;
      pages.push(page.map((r) => r.id));
      before = page.at(-1)!.id;
    }
    expect(pages.flat()).toEqual((await listAudit()).map((r) => r.id));
    expect(pages.flat()).toHaveLength(n + 1);
    expect((await listAudit())[0]).toMatchObject({ action: "country.sms", target: "IS", countryCode: "IS", actor: "Omar Operator <operator@stepwise.test>", reason: "carrier outage", before: { smsSupported: true }, after: { smsSupported: false } });
  });

  it("only admins change staff roles, never their own, and each change is audited", async () => {
    await db.insert(users).values({ email: "new.hire@example.com", name: "New Hire", countryCode: "US", passwordHash: "x" });
    expect(await refusal(setStaffRole({ actor: staff.operator, email: "new.hire@example.com", role: "viewer", reason: "on-call rota" }))).toBe("FORBIDDEN");
    expect(await refusal(setStaffRole({ actor: staff.admin, email: "admin@stepwise.test", role: "viewer", reason: "on-call rota" }))).toBe("OWN_ROLE");
    expect(await refusal(setStaffRole({ actor: staff.admin, email: "nobody@example.com", role: "viewer", reason: "on-call rota" }))).toBe("NO_ACCOUNT");
    await appointStaff({ by: staff.admin, approvedBy: staff.approver, email: "New.Hire@example.com", role: "operator", reason: "on-call rota" });
    const [row, asked] = await listAudit();
    const [hire] = await db.select({ id: users.id, role: users.role }).from(users).where(sql`email = 'new.hire@example.com'`);
    expect(asked).toMatchObject({ action: "staff.role_request", actor: "Ada Admin <admin@stepwise.test>", target: "new.hire@example.com", after: { role: "operator", userId: hire!.id } });
    expect(row).toMatchObject({
      action: "staff.role",
      actor: "Alan Approver <approver@stepwise.test>",
      target: "new.hire@example.com",
      reason: "on-call rota",
      before: { role: "user" },
      after: { role: "operator", userId: hire!.id, requestedBy: staff.admin.id },
    });
    // Without a reason, nothing changes.
    expect(await refusal(setStaffRole({ actor: staff.admin, email: "new.hire@example.com", role: "admin", reason: " \u0000 " }))).toBe("REASON_REQUIRED");
    expect((await db.select({ role: users.role }).from(users).where(sql`email = 'new.hire@example.com'`))[0]!.role).toBe("operator");
  });

  it("two admins demoting each other at the same moment leave one admin: the second change finds its actor demoted", async () => {
    const results = await Promise.allSettled([
      setStaffRole({ actor: staff.admin, email: staff.approver.email, role: "operator", reason: "on-call rota" }),
      setStaffRole({ actor: staff.approver, email: staff.admin.email, role: "operator", reason: "on-call rota" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(await refusal(Promise.reject(refused.reason))).toBe("FORBIDDEN");
    const admins = await db.select({ email: users.email }).from(users).where(sql`role = 'admin' and email in (${staff.admin.email}, ${staff.approver.email})`);
    expect(admins).toHaveLength(1);
  });
});
