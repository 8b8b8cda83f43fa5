import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { actorLabel } from "@/lib/audit/record-audit";
import { recordRefusal } from "@/lib/audit/record-refusal";
import { AppError } from "@/lib/errors";
import { approveWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { saveWaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import { setupTestDatabase } from "../helpers/test-db";
import { demoStaff } from "./fixtures";

setupTestDatabase({ seed: "demo" });

const denied = () => db.select().from(auditLog).where(eq(auditLog.action, "staff.denied"));

describe("recordRefusal", () => {
  it("logs a refused four-eyes attempt with who, what and why, outside the rolled-back change", async () => {
    const staff = await demoStaff();
    const { id } = await saveWaveDraft({ actor: staff.admin, draft: { name: "Andes", countryCodes: ["PE"], startOnApproval: true, startsAt: null, rampSteps: [{ percent: 100, afterMinutes: 0 }] } });
    await requestWaveApproval({ actor: staff.admin, waveId: id });
    const refusal = await approveWave({ actor: staff.admin, waveId: id, comment: "mine" }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);

    await recordRefusal(staff.admin, { action: "wave.approve", targetType: "wave", targetId: String(id) }, refusal);
    expect(await denied()).toEqual([
      expect.objectContaining({
        actorId: staff.admin.id,
        actorLabel: `${staff.admin.name} <${staff.admin.email}>`,
        targetType: "wave",
        targetId: String(id),
        after: { attempted: "wave.approve", refusal: "OWN_REQUEST" },
      }),
    ]);
  });

  it("leaves mistakes out: a missing reason or a wave that moved on is not an attempt", async () => {
    const staff = await demoStaff();
    const before = (await denied()).length;
    for (const code of ["REASON_REQUIRED", "WRONG_STATE", "NOT_FOUND"]) {
      await recordRefusal(staff.operator, { action: "wave.pause", targetType: "wave", targetId: "1" }, new AppError(code));
    }
    await recordRefusal(staff.operator, { action: "wave.pause", targetType: "wave", targetId: "1" }, new Error("connection reset"));
    expect(await denied()).toHaveLength(before);
    await recordRefusal(staff.viewer, { action: "staff.page", targetType: "page", targetId: "/admin/waves/new" }, "FORBIDDEN");
    expect((await denied()).at(-1)).toMatchObject({ actorId: staff.viewer.id, targetType: "page", after: { attempted: "staff.page", refusal: "FORBIDDEN" } });
  });

  it("writes a repeat (a reload, a double click) once per five minutes: audit rows are kept forever", async () => {
    const staff = await demoStaff();
    const t0 = new Date();
    const attempt = { action: "staff.action", targetType: "page", targetId: "/admin/staff" } as const;
    const rows = async () => (await denied()).filter((r) => r.actorId === staff.operator.id && r.targetId === "/admin/staff");
    await recordRefusal(staff.operator, attempt, "FORBIDDEN", t0);
    await recordRefusal(staff.operator, attempt, "FORBIDDEN", new Date(t0.getTime() + 60_000));
    expect(await rows()).toHaveLength(1);
    // Another attempt is its own row; the same one after the window is too.
    await recordRefusal(staff.operator, { ...attempt, action: "staff.page" }, "FORBIDDEN", new Date(t0.getTime() + 60_000));
    await recordRefusal(staff.operator, attempt, "FORBIDDEN", new Date(t0.getTime() + 6 * 60_000));
    expect(await rows()).toHaveLength(3);
  });

  it("writes at most 20 rows per actor in five minutes, so made-up paths cannot bury the log", async () => {
    const staff = await demoStaff();
    const t0 = new Date("2030-01-01T00:00:00Z");
    const rows = async () => (await denied()).filter((r) => r.actorId === staff.viewer.id && r.at >= t0);
    for (let i = 0; i < 30; i++) {
      await recordRefusal(staff.viewer, { action: "staff.page", targetType: "page", targetId: `/admin/waves/${i}/edit` }, "FORBIDDEN", new Date(t0.getTime() + i * 1000));
    }
    expect(await rows()).toHaveLength(20);
    expect((await rows()).map((r) => r.targetId)).toContain("/admin/waves/0/edit");
    // Once the window has passed, the next attempt is written again.
    await recordRefusal(staff.viewer, { action: "staff.page", targetType: "page", targetId: "/admin/staff" }, "FORBIDDEN", new Date(t0.getTime() + 6 * 60_000));
    expect(await rows()).toHaveLength(21);
  });
});

describe("actorLabel", () => {
  it("names the staff member by their address; a name saved with brackets or bidi overrides cannot pass for another's", () => {
    expect(actorLabel({ id: "1", name: "Ada Admin", email: "admin@stepwise.test" })).toBe("Ada Admin <admin@stepwise.test>");
    expect(actorLabel({ id: "2", name: "Alan Approver <approver@stepwise.test>\u202e", email: "mallory@example.com" })).toBe("Alan Approver approver@stepwise.test <mallory@example.com>");
  });
});
