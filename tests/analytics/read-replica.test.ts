import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, useDatabase, withReader, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { readDashboardVersion } from "@/lib/analytics/dashboard-version";
import { loadKpis } from "@/lib/analytics/queries/kpis";
import { createSession, findActiveSession } from "@/lib/auth/sessions";
import { setupTestDatabase } from "../helpers/test-db";
import { account } from "./fixtures";

const primary = setupTestDatabase({ seed: "countries" });

// DATABASE_READ_URL: the dashboards read a replica, everything else the primary. The "replica" here is a second
// database that nothing replicates to, so whatever the dashboards show came from it and not from the primary.
let replica: Database;
beforeAll(async () => {
  replica = openPglite();
  await migrateDatabase(replica);
  await seedDatabase(replica.db, { demo: false });
  useDatabase(withReader(primary(), replica));
});
afterAll(async () => {
  useDatabase(primary());
  await replica.close();
});

describe("a read replica for the dashboards", () => {
  const november = { from: "2026-11-01", to: "2026-11-30", waveId: null, country: null };

  it("dashboards read the replica; sign-ups and sessions write and read the primary", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    const versionBefore = await readDashboardVersion(now);
    const user = await account("US", "2026-11-20");
    const sessionId = await createSession({ userId: user.id, userAgent: "test", ip: "192.0.2.1", aal: 1 });
    // The session reads its own write, at once.
    expect((await findActiveSession(sessionId))?.user.id).toBe(user.id);
    // The replica has not seen the account yet: the dashboard shows what it holds.
    expect(await loadKpis(november, null, "2026-11-30")).toMatchObject({ accounts: 0 });
    expect(await readDashboardVersion(now)).toBe(versionBefore);

    // The same dashboard read from the primary sees it.
    useDatabase(primary());
    try {
      expect(await loadKpis(november, null, "2026-11-30")).toMatchObject({ accounts: 1 });
    } finally {
      useDatabase(withReader(primary(), replica));
    }
  });
});
