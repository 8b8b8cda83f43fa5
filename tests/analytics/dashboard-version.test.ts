import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { readDashboardVersion } from "@/lib/analytics/dashboard-version";
import { setSmsSupport } from "@/lib/rollout/countries/set-sms-support";
import { setupTestDatabase } from "../helpers/test-db";
import { account, enable, verifyPhone } from "./fixtures";

setupTestDatabase({ seed: "countries" });

// The open dashboard re-renders only when this moves (components/admin/dashboard/live-refresh.tsx): it must move
// with everything the dashboard draws, and stay put otherwise.
describe("dashboard version", () => {
  const now = new Date("2026-11-29T12:00:30Z");

  it("stays the same while nothing changes within a minute, and moves with the minute", async () => {
    const first = await readDashboardVersion(now);
    expect(await readDashboardVersion(new Date("2026-11-29T12:00:59.999Z"))).toBe(first);
    expect(await readDashboardVersion(new Date("2026-11-29T12:01:00Z"))).not.toBe(first);
  });

  it("moves when an account is created or turns on two-step verification", async () => {
    const before = await readDashboardVersion(now);
    const user = await account("NZ", "2026-11-28");
    const afterSignUp = await readDashboardVersion(now);
    expect(afterSignUp).not.toBe(before);
    await verifyPhone(user.id, "NZ", "2026-11-29");
    await enable(user.id, "sms", "2026-11-29");
    expect(await readDashboardVersion(now)).not.toBe(afterSignUp);
  });

  it("moves when staff change a country's rollout state (an audited change, with no event)", async () => {
    const [operator] = await db.insert(users).values({ email: "op-version@stepwise.test", name: "Op", countryCode: "NZ", passwordHash: "x", role: "operator" }).returning();
    const before = await readDashboardVersion(now);
    await setSmsSupport({ actor: { id: operator!.id, name: "Op", email: operator!.email, role: "operator" }, countryCode: "NZ", supported: false, reason: "carrier outage" });
    expect(await readDashboardVersion(now)).not.toBe(before);
  });
});
