import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { loadPlanContext, synthesizePopulation, type SynthesizeResult } from "@/db/synth";
import { planAccount } from "@/db/synth-plan";
import { setupTestDatabase } from "../helpers/test-db";

setupTestDatabase({ seed: "countries" });

const accounts = 2000;
const now = new Date("2016-03-21T00:00:00Z");
let result: SynthesizeResult;

const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));
const one = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: string | number }>(query))[0]!.n);

beforeAll(async () => {
  result = await synthesizePopulation(db, { accounts, now, batchSize: 700 });
});

describe("synthesizePopulation", () => {
  it("is deterministic: the same seed plans the same accounts, and the database holds exactly them", async () => {
    const stored = await rows<{ country_code: string; n: number }>(sql`select country_code, count(*)::int as n from users group by 1`);
    expect(Object.fromEntries(stored.map((r) => [r.country_code, r.n]))).toEqual(result.byCountry);

    const context = await loadPlanContext(db, 2013, now);
    const replan = (seed: number) => {
      const byCountry: Record<string, number> = {};
      for (let n = 1; n <= accounts; n++) {
        const a = planAccount({ ...context, seed }, n);
        byCountry[a.countryCode] = (byCountry[a.countryCode] ?? 0) + 1;
      }
      return byCountry;
    };
    expect(replan(2013)).toEqual(result.byCountry);
    expect(replan(7)).not.toEqual(result.byCountry);
    expect(planAccount(context, 42)).toEqual(planAccount(context, 42));
  });

  it("enrolls accounts only in countries whose wave had launched", async () => {
    expect(result.enrolled).toBeGreaterThan(accounts * 0.15);
    const launched = sql`select wc.country_code from wave_countries wc join waves w on w.id = wc.wave_id
      where w.status in ('live', 'complete') and w.starts_at <= e.at`;
    expect(await one(sql`select count(*) as n from events e where type = 'enrollment_started' and country_code not in (${launched})`)).toBe(0);
    expect(await one(sql`select count(*) as n from users u where two_step_enabled_at is not null and country_code in ('FR', 'DE', 'JP', 'CA', 'IT', 'ES', 'IN', 'CN')`)).toBe(0);
    expect(await one(sql`select count(*) as n from users where country_code in ('FR', 'DE', 'JP')`)).toBeGreaterThan(0);
  });

  it("gives every enrolled account a working second factor and a Recovery Key row; lockout risk matches the database's rule", async () => {
    expect(
      await one(sql`select count(*) as n from users u where two_step_enabled_at is not null
        and not exists (select 1 from trusted_phones p where p.user_id = u.id and p.verified_at is not null and p.removed_at is null)
        and not exists (select 1 from trusted_devices d where d.user_id = u.id and d.revoked_at is null)`),
    ).toBe(0);
    expect(await one(sql`select count(*) as n from users u where two_step_enabled_at is not null and not exists (select 1 from recovery_keys k where k.user_id = u.id)`)).toBe(0);
    expect(await one(sql`select count(*) as n from users where lockout_risk is distinct from stepwise_lockout_risk(id)`)).toBe(0);
    const atRisk = await one(sql`select count(*) as n from users where lockout_risk`);
    expect(atRisk).toBe(result.atRisk);
    expect(atRisk / result.enrolled).toBeGreaterThan(0.05);
    expect(atRisk / result.enrolled).toBeLessThan(0.3);
  });

  it("loses accounts at every funnel step, never gains", async () => {
    const users = (types: string) => one(sql`select count(distinct user_id) as n from events where type in (${sql.raw(types)})`);
    const funnel = [
      await users("'enrollment_started'"),
      await users("'phone_verified', 'device_trusted'"),
      await users("'key_confirmed'"),
      await users("'two_step_enabled'"),
    ];
    for (let i = 1; i < funnel.length; i++) expect(funnel[i]).toBeLessThanOrEqual(funnel[i - 1]!);
    expect(funnel[3]).toBeLessThan(funnel[0]!);
    expect(funnel[3]).toBeGreaterThan(0);
  });

  it("texts fail more often in Brazil than in the United States, and only where carriers deliver", async () => {
    const failure = (country: string) =>
      one(sql`select count(*) filter (where type = 'sms_failed')::float / nullif(count(*), 0) as n from events where type in ('sms_sent', 'sms_failed') and country_code = ${country}`);
    expect(await failure("BR")).toBeGreaterThan(await failure("US"));
    expect(await one(sql`select count(*) as n from events e join countries c on c.code = e.country_code where e.type in ('sms_sent', 'sms_failed') and not c.sms_supported`)).toBe(0);
  });

  it("builds the rollups: per event type they sum to the events", async () => {
    const events = await rows<{ type: string; n: number }>(sql`select type, count(*)::int as n from events group by 1 order by 1`);
    const rollups = await rows<{ type: string; n: number }>(sql`select metric as type, sum(count)::int as n from daily_rollups group by 1 order by 1`);
    expect(rollups).toEqual(events);
    expect(events.reduce((sum, r) => sum + r.n, 0)).toBe(result.events);
    expect(result.events / accounts).toBeGreaterThan(4);
  });

  it("continues the numbering on a second run, so emails never collide", async () => {
    const again = await synthesizePopulation(db, { accounts: 50, now });
    expect(again.firstNumber).toBe(accounts + 1);
    expect(await one(sql`select count(*) as n from users`)).toBe(accounts + 50);
  });
});
