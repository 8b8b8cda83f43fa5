import type { APIRequestContext, Page } from "@playwright/test";
import { confirmItsYou, dbAudit, dbCountryPause, signInStaff } from "../admin/helpers";
import { newContext } from "../helpers";
import { availabilityOn, expect, instanceA, instanceB, test } from "./instances";

// A kill switch thrown on one instance must hold on every instance within 1 s. Nothing in lib/ caches rollout state:
// lib/rollout/get-country-availability.ts and public-availability.ts read PostgreSQL on every call. The only TTL on
// the way is HTTP's — /api/availability answers `Cache-Control: public, max-age=5, stale-while-revalidate=5` for
// browsers and CDNs — which neither nginx here (no proxy_cache) nor Playwright's API client applies. So the bound
// this test holds is stricter than 1 s and needs no clock: the first read on the other instance after the flip was
// committed already serves it. How long that takes is a figure for the benchmark (bench/rollout-propagation), not an
// assertion here: this machine is shared, and a loaded one can take a second to answer any request.
//
// The Netherlands (wave 2) is flipped: no other spec of the cluster run reads it. Signed in as approver@ (admin),
// whom no other spec of the cluster run uses: staff codes all go to one phone per person.

const country = { code: "NL", name: "Netherlands" };
/** Clicks the kill-switch button and returns when the instance that got the POST has answered (state committed). */
async function flip(page: Page, button: string, reasonLabel: string, reason: string) {
  await page.getByLabel(reasonLabel).fill(reason);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/admin/regions/${country.code}`);
  await page.getByRole("button", { name: button }).click();
  await answered;
  return Date.now();
}

/** The OTHER instance's first answer after the flip was committed: it must already serve `expected`. Returns the delay. */
async function servedBy(api: APIRequestContext, expected: string, since: number) {
  expect(await availabilityOn(api, country.code), "the other instance's first read after the flip").toBe(expected);
  return Date.now() - since;
}

test("a pause made on instance A is served by instance B at its next read, and a resume made on B by A", async ({ browser, onA, onB }) => {
  test.setTimeout(240_000);
  // One browser, signed in on instance A directly.
  const context = await newContext(browser, { baseURL: instanceA.origin });
  const page = await context.newPage();
  await signInStaff(page, "approver@stepwise.test", `/admin/regions/${country.code}`);
  await confirmItsYou(page, "approver@stepwise.test");
  // Both instances serve it as available (and have loaded the route: the bound is about state, not a cold start).
  expect(await availabilityOn(onA, country.code)).toBe("available");
  expect(await availabilityOn(onB, country.code)).toBe("available");
  expect(await dbCountryPause(onB, country.code)).toBeNull();

  // Pause on A → B.
  const paused = await flip(page, `Pause ${country.name}`, "Reason for pausing", "Cluster check: carrier audit");
  const pauseDelay = await servedBy(onB, "paused", paused);
  await expect(page.getByText("Paused. New enrollments stopped")).toBeVisible();
  expect(await dbCountryPause(onB, country.code)).toMatchObject({ reason: "Cluster check: carrier audit", source: "staff" });
  expect((await dbAudit(onB, "country.pause"))[0]).toMatchObject({ countryCode: country.code, actorLabel: expect.stringContaining("approver@stepwise.test") });

  // A visitor on B's public page sees it too.
  const visitor = await newContext(browser, { baseURL: instanceB.origin });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/availability?q=${country.name}`);
  await expect(visitorPage.getByRole("region", { name: /Paused for new sign-ups/ }).getByTestId(`country-${country.code}`)).toContainText(country.name);

  // Resume on B (the same signed-in browser: its session and fresh confirmation are rows in PostgreSQL) → A.
  await page.goto(`${instanceB.origin}/admin/regions/${country.code}`);
  await expect(page.getByRole("heading", { level: 1, name: country.name })).toBeVisible();
  const resumed = await flip(page, `Resume ${country.name}`, "Reason for resuming", "Cluster check done");
  const resumeDelay = await servedBy(onA, "available", resumed);
  await expect(page.getByText("Resumed.")).toBeVisible();
  expect(await dbCountryPause(onA, country.code)).toBeNull();
  await visitorPage.reload();
  await expect(visitorPage.getByRole("region", { name: /Available since/ }).getByTestId(`country-${country.code}`)).toContainText(country.name);

  const measured = `pause on A served by B after ${pauseDelay} ms, resume on B served by A after ${resumeDelay} ms`;
  test.info().annotations.push({ type: "propagation", description: measured });
  console.log(`rollout propagation: ${measured}`);
  await Promise.all([context.close(), visitor.close()]);
});
