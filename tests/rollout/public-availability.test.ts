import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/availability/route";
import { pauseCountry } from "@/lib/rollout/countries/pause-country";
import { approveWave, requestWaveApproval } from "@/lib/rollout/waves/review-wave";
import { saveWaveDraft } from "@/lib/rollout/waves/save-wave-draft";
import type { PublicCountry } from "@/lib/rollout/public-availability";
import { setupTestDatabase } from "../helpers/test-db";
import { demoStaff, waveId } from "./fixtures";

setupTestDatabase({ seed: "demo" });
let staff: Awaited<ReturnType<typeof demoStaff>>;
beforeAll(async () => {
  staff = await demoStaff();
});

const list = async () => {
  const res = await GET(new Request("http://localhost/api/availability"));
  expect(res.headers.get("cache-control")).toMatch(/public, max-age=5/);
  return ((await res.json()) as { countries: PublicCountry[] }).countries;
};
const one = async (code: string) => (await GET(new Request(`http://localhost/api/availability?country=${code}`))).json() as Promise<PublicCountry>;

describe("GET /api/availability — generated from the rollout state", () => {
  it("lists both 2013 waves (the FAQ once forgot wave 2) and keeps plans that are not approved private", async () => {
    const countries = await list();
    expect(countries.length).toBeGreaterThanOrEqual(249);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    const available = countries.filter((c) => c.status === "available");
    expect(available.map((c) => c.code).sort()).toEqual(["AR", "AT", "AU", "BE", "BR", "GB", "IE", "MX", "NL", "NZ", "PK", "PL", "RU", "US"]);
    expect(await one("BR")).toMatchObject({ status: "available", wave: "Wave 2", launchAt: "2013-05-21T17:00:00.000Z", sms: true });
    expect(await one("PK")).toMatchObject({ status: "available", sms: false });
    // Wave 3 is a draft: the public sees France as not available, and no wave name.
    expect(await one("FR")).toEqual({ code: "FR", name: "France", status: "not_available", wave: null, launchAt: null, sms: true });
    expect((await GET(new Request("http://localhost/api/availability?country=ZZ"))).status).toBe(404);
  });

  it("follows a launch, a ramp and a pause at the next request", async () => {
    const now = new Date();
    const id = await waveId("Wave 3");
    await requestWaveApproval({ actor: staff.operator, waveId: id, now });
    await approveWave({ actor: staff.admin, waveId: id, comment: "launch", now });
    expect(await one("FR")).toMatchObject({ status: "available", wave: "Wave 3", launchAt: now.toISOString() });

    const { id: nordic } = await saveWaveDraft({ actor: staff.operator, draft: { name: "Nordics", countryCodes: ["SE"], startOnApproval: true, startsAt: null, rampSteps: [{ percent: 10, afterMinutes: 0 }, { percent: 100, afterMinutes: 600 }] }, now });
    await requestWaveApproval({ actor: staff.operator, waveId: nordic, now });
    await approveWave({ actor: staff.admin, waveId: nordic, comment: "ramp it", now });
    expect(await one("SE")).toMatchObject({ status: "rolling_out", wave: "Nordics" });

    await pauseCountry({ actor: staff.operator, countryCode: "DE", reason: "carrier outage" });
    expect(await one("DE")).toMatchObject({ status: "paused" });
  });
});
