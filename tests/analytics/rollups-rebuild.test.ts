import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { recordEvent } from "@/lib/events/record-event";
import { setupTestDatabase } from "../helpers/test-db";
import { account, confirmKey, disable, enable, removePhone, trustDevice, verifyPhone } from "./fixtures";

setupTestDatabase({ seed: "countries" });

const snapshot = async () => ({
  rollups: rowsOf(await db.execute(sql`select day::text, country_code, metric, method, count from daily_rollups where count <> 0 order by 1, 2, 3, 4`)),
  gauges: rowsOf(await db.execute(sql`select country_code, gauge, value from country_gauges where value <> 0 order by 1, 2`)),
  risk: rowsOf(await db.execute(sql`select id, lockout_risk from users order by id`)),
});

const country = fc.constantFrom("US", "FR", "BR", "PK", "CL");
const day = fc.integer({ min: 0, max: 40 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const action = fc.oneof(
  fc.record({ kind: fc.constant("signup" as const), country, day }),
  fc.record({ kind: fc.constantFrom("phone" as const, "unphone" as const, "device" as const, "key" as const, "enable" as const, "disable" as const, "sms" as const, "challenge" as const), who: fc.nat(), day }),
);

describe("rollups and gauges kept in each event's transaction", () => {
  it("equal a recomputation from the raw events after any sequence of actions (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const people: { id: string; country: string; phones: string[]; on: boolean }[] = [];
        for (const a of actions) {
          if (a.kind === "signup") {
            const u = await account(a.country, a.day);
            people.push({ id: u.id, country: a.country, phones: [], on: false });
            continue;
          }
          const p = people[a.who % Math.max(people.length, 1)];
          if (!p) continue;
          if (a.kind === "phone") p.phones.push((await verifyPhone(p.id, p.country, a.day)).id);
          if (a.kind === "unphone" && p.phones.length) await removePhone(p.id, p.phones.pop()!, a.day);
          if (a.kind === "device") await trustDevice(p.id, a.day);
          if (a.kind === "key") await confirmKey(p.id, a.day);
          if (a.kind === "enable" && !p.on) {
            await enable(p.id, "sms", a.day);
            p.on = true;
          }
          if (a.kind === "disable" && p.on) {
            await disable(p.id, a.day);
            p.on = false;
          }
          if (a.kind === "sms") await recordEvent({ type: Math.random() < 0.3 ? "sms_failed" : "sms_sent", userId: p.id, countryCode: p.country, at: new Date(`${a.day}T08:00:00Z`) });
          if (a.kind === "challenge") await recordEvent({ type: "challenge_failed", userId: p.id, method: "sms", at: new Date(`${a.day}T08:00:00Z`) });
        }
        const kept = await snapshot();
        await db.execute(sql`select stepwise_rebuild_rollups()`);
        expect(await snapshot()).toEqual(kept);
      }),
      { numRuns: 12 },
    );
  });
});
