import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { confirmItsYou, dbAudit, dbCountryPause, dbWave, signInStaff } from "../admin/helpers";
import { dbUser, demoPassword, holdScripts, newContext, signIn, signOut, signUp, strongPassword, submitSignIn, uniqueEmail } from "../helpers";
import { createAndConfirmKey, readSmsCode, sendCodeWhenAllowed, startWizard, turnOn } from "../two-step-enable/helpers";

// Runs after every other e2e spec (the "rollout" project depends on "chromium"): launching wave 3 changes what
// French accounts are offered, which other specs check before any launch. Tests here run in order.

test.describe.configure({ mode: "serial" });

test("a viewer can follow the rollout but not plan or approve", async ({ page, request }) => {
  await signInStaff(page, "viewer@stepwise.test", "/admin/waves");
  await expect(page.getByRole("heading", { level: 1, name: "Waves" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Wave 1" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New wave" })).toHaveCount(0);
  expect((await page.goto("/admin/waves/new"))?.status()).toBe(403);
  // The refused attempt is in the audit log, with who asked for what.
  expect(await dbAudit(request, "staff.denied")).toContainEqual(
    expect.objectContaining({ actorLabel: expect.stringContaining("<viewer@stepwise.test>"), targetType: "page", targetId: "/admin/waves/new", after: { attempted: "staff.page", refusal: "FORBIDDEN" } }),
  );

  await page.goto("/admin/waves");
  await page.getByRole("link", { name: "Wave 3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wave 3" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Request approval|Approve launch|Pause wave/ })).toHaveCount(0);
});

test("an operator plans wave 3, sees the impact, is refused a country already in it, and requests approval", async ({ page, request }) => {
  await signInStaff(page, "operator@stepwise.test", "/admin/waves");
  // History: the seed's 2013 waves show as launched.
  const launched = page.getByRole("region", { name: "Launched and scheduled" });
  await expect(launched.getByRole("link", { name: "Wave 1" })).toBeVisible();
  await expect(launched.getByRole("link", { name: "Wave 2" })).toBeVisible();
  await expect(launched.getByText("Start 21 Mar 2013, 17:00 UTC")).toBeVisible();

  // A new wave with France is refused: France is already in Wave 3. What was typed stays.
  await page.getByRole("link", { name: "New wave" }).click();
  await page.getByLabel("Wave name").fill("Francophonie");
  // The picker finds countries by everyday names too, not only the official ones stored.
  await page.getByLabel("Search countries").fill("USA");
  await expect(page.getByRole("checkbox", { name: /^United States of America US/ })).toBeVisible();
  await page.getByLabel("Search countries").fill("France");
  await page.getByRole("checkbox", { name: /^France FR/ }).check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Already in another wave: France (Wave 3).")).toBeVisible();
  await expect(page.getByLabel("Wave name")).toHaveValue("Francophonie");
  expect(await dbWave(request, "Francophonie")).toBeNull();
  // Ticked before the page's script has run (a slow network), the country still counts once it has.
  const release = await holdScripts(page);
  await page.goto("/admin/waves/new", { waitUntil: "commit" });
  await page.getByRole("checkbox", { name: /^France FR/ }).check();
  release();
  await expect(page.getByRole("list", { name: "Picked countries" })).toContainText("France");
  await page.getByLabel("Wave name").fill("Francophonie");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Already in another wave: France (Wave 3).")).toBeVisible();
  expect(await dbWave(request, "Francophonie")).toBeNull();

  await page.goto("/admin/waves");
  await page.getByRole("link", { name: "Wave 3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wave 3" })).toBeVisible();
  const impact = page.getByRole("table", { name: "Impact per country" });
  await expect(impact.getByRole("row")).toHaveCount(1 + 6 + 1);
  await expect(impact.getByRole("row", { name: /France/ })).toContainText("Yes");
  await expect(page.getByText(/accounts? becomes? eligible/)).toBeVisible();

  await confirmItsYou(page, "operator@stepwise.test");
  // The plan is saved again elsewhere (here another tab) after this page was read: asking approval for it is refused
  // until the page is reloaded, so nobody requests a launch of a plan they have not seen.
  const otherTab = await page.context().newPage();
  await otherTab.goto(`${new URL(page.url()).pathname}/edit`);
  await otherTab.getByRole("button", { name: "Save changes" }).click();
  await expect(otherTab).toHaveURL(/\/admin\/waves\/\d+\?done=saved$/);
  await otherTab.close();
  await page.getByRole("button", { name: "Request approval" }).click();
  await expect(page.getByText("Someone saved changes to this plan since you opened this page. Reload and read it before requesting approval.")).toBeVisible();
  expect(await dbWave(request, "Wave 3")).toMatchObject({ status: "draft", requestedBy: null });
  await page.reload();
  await page.getByRole("button", { name: "Request approval" }).click();
  await expect(page.getByText("Approval requested.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("wave-phase")).toHaveText("Pending approval");
  // The requester cannot approve their own launch.
  await expect(page.getByText("You requested this launch. Another staff member with approve rights must approve or reject it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve launch" })).toHaveCount(0);

  expect(await dbWave(request, "Wave 3")).toMatchObject({ status: "pending_approval", requestedBy: expect.any(String), reviewedBy: null });
  expect((await dbAudit(request, "wave.request"))[0]).toMatchObject({ actorLabel: "Omar Operator <operator@stepwise.test>", before: { status: "draft" }, after: { status: "pending_approval" } });
});

test("a second staff member approves with a comment; France is then offered 2SV and listed publicly", async ({ page, browser, request }) => {
  await signInStaff(page, "admin@stepwise.test", "/admin");
  // The request reached every admin who could decide: a count beside "Waves", and an email linking to the wave.
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /^Waves\s*\(1 waits for your approval\)$/ })).toBeVisible();
  const inbox = await page.context().newPage();
  await inbox.goto(`/dev/inbox?to=${encodeURIComponent("admin@stepwise.test")}`);
  const email = inbox.getByRole("article", { name: "Email to admin@stepwise.test" }).filter({ hasText: "Wave 3 is waiting for your approval" });
  await expect(email).toContainText("Omar Operator <operator@stepwise.test> asked to launch Wave 3 in Canada, France, Germany, Italy, Japan, Spain.");
  const link = (await email.innerText()).match(/https?:\/\/\S+\/admin\/waves\/\d+/)![0];
  await inbox.close();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Wave 3" })).toBeVisible();
  await confirmItsYou(page, "admin@stepwise.test");
  // A comment is required.
  await page.getByRole("button", { name: "Approve launch" }).click();
  await expect(page.getByTestId("wave-phase")).toHaveText("Pending approval");
  await page.getByLabel("Approval comment").fill("Carrier tests passed in all six countries");
  await page.getByRole("button", { name: "Approve launch" }).click();
  await expect(page.getByText("Approved. The wave is live in all its countries.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("wave-phase")).toHaveText("Live · 100%");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Waves", exact: true })).toBeVisible();

  const wave = await dbWave(request, "Wave 3");
  expect(wave).toMatchObject({ status: "scheduled", reviewComment: "Carrier tests passed in all six countries", startsAt: expect.any(String) });
  expect(wave!.reviewedBy).not.toBe(wave!.requestedBy);
  expect((await dbAudit(request, "wave.approve"))[0]).toMatchObject({ actorLabel: "Ada Admin <admin@stepwise.test>", reason: "Carrier tests passed in all six countries" });

  // The French demo account is offered 2SV.
  const chloe = await newContext(browser);
  const chloePage = await chloe.newPage();
  await signIn(chloePage, "chloe@example.fr", demoPassword);
  await expect(chloePage.getByTestId("two-step-badge")).toHaveText("Available");
  await chloePage.goto("/account/security");
  await expect(chloePage.getByRole("link", { name: "Turn on two-step verification" })).toBeVisible();
  await chloe.close();

  // The public page and API list France with the wave's launch date.
  await page.goto("/availability?q=France");
  await expect(page.getByRole("heading", { name: "Is two-step verification available in your country?" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Available since/ }).getByTestId("country-FR")).toContainText("France");
  const api = await request.get("/api/availability?country=FR");
  expect(await api.json()).toMatchObject({ code: "FR", status: "available", wave: "Wave 3" });
});

test("pausing France stops a French enrollment mid-way while an enrolled French account still signs in with its code", async ({ browser, page, request }) => {
  test.setTimeout(300_000);
  // An enrolled French account (trusted +33 phone) and another half-way through the wizard.
  const enrolled = await newContext(browser);
  const enrolledPage = await enrolled.newPage();
  const enrolledEmail = uniqueEmail("french enrolled");
  const last = String(Math.floor(Math.random() * 100)).padStart(2, "0");
  await signUp(enrolledPage, { name: "Élise Enrôlée", email: enrolledEmail, country: "France" });
  await startWizard(enrolledPage);
  await enrolledPage.getByLabel("Phone number").fill(`+33 6 12 34 56 ${last}`);
  await enrolledPage.getByRole("button", { name: "Send code" }).click();
  await enrolledPage.getByLabel("Verification code").fill(await readSmsCode(enrolled, `+336123456${last}`));
  await enrolledPage.getByRole("button", { name: "Verify number" }).click();
  await enrolledPage.getByRole("button", { name: "Continue", exact: true }).click();
  await enrolledPage.getByRole("button", { name: "Continue", exact: true }).click();
  await createAndConfirmKey(enrolledPage);
  await turnOn(enrolledPage);
  await signOut(enrolledPage);

  const midway = await newContext(browser);
  const midwayPage = await midway.newPage();
  await signUp(midwayPage, { name: "Marc Milieu", email: uniqueEmail("french midway"), country: "France" });
  await startWizard(midwayPage);

  // The operator pauses France, with a reason typed before being asked to confirm it's them: the reason survives
  // the trip to "Confirm it's you" and back.
  await signInStaff(page, "operator@stepwise.test", "/admin/regions/FR");
  await page.getByLabel("Reason for pausing").fill("Carrier outage in France");
  await page.getByRole("button", { name: "Pause France" }).click();
  await expect(page.getByText("Confirm it's you first: pausing and resuming need a code")).toBeVisible();
  expect(await dbCountryPause(request, "FR")).toBeNull();
  await confirmItsYou(page, "operator@stepwise.test");
  await expect(page.getByLabel("Reason for pausing")).toHaveValue("Carrier outage in France");
  await page.getByRole("button", { name: "Pause France" }).click();
  await expect(page.getByText("Paused. New enrollments stopped")).toBeVisible();
  // Sent, the draft is gone: the resume form starts empty.
  await expect(page.getByLabel("Reason for resuming")).toHaveValue("");
  expect(await dbCountryPause(request, "FR")).toMatchObject({ reason: "Carrier outage in France", source: "staff" });
  expect((await dbAudit(request, "country.pause"))[0]).toMatchObject({ countryCode: "FR", reason: "Carrier outage in France" });

  // The account mid-enrollment is told enrollment is paused.
  await midwayPage.goto("/account/security/enable");
  await expect(midwayPage).toHaveURL(/\/account\/security$/);
  await expect(midwayPage.getByTestId("availability")).toContainText("Turning on two-step verification is paused in France");

  // The enrolled account still signs in with its code.
  await submitSignIn(enrolledPage, enrolledEmail, strongPassword);
  await expect(enrolledPage).toHaveURL(/\/verify/, { timeout: 30_000 });
  await enrolledPage.getByRole("radio", { name: /Text message to/ }).check();
  await sendCodeWhenAllowed(enrolledPage);
  await enrolledPage.getByLabel("Verification code").fill(await readSmsCode(enrolled, `+336123456${last}`));
  await enrolledPage.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(enrolledPage).toHaveURL(/\/account$/, { timeout: 30_000 });
  await expect(enrolledPage.getByTestId("two-step-badge")).toHaveText("On");

  // Resume: the account mid-way can carry on where it was.
  await page.reload();
  await page.getByLabel("Reason for resuming").fill("Carrier back");
  await page.getByRole("button", { name: "Resume France" }).click();
  await expect(page.getByText("Resumed.")).toBeVisible();
  expect(await dbCountryPause(request, "FR")).toBeNull();
  await midwayPage.goto("/account/security/enable");
  await expect(midwayPage).toHaveURL(/\/enable\/phone$/);
  await enrolled.close();
  await midway.close();
});

/** RFC 4180 as the dashboard writes it: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== "," && ch !== "\n" && ch !== "\r")) {
      cell += ch;
    } else if (ch !== "\r") {
      row.push(cell);
      cell = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  return rows;
}

test("the dashboard shows a French enrollment live, keeps its filters in the URL and exports the table it shows", async ({ browser, page, request }) => {
  test.setTimeout(300_000);
  await signInStaff(page, "viewer@stepwise.test", "/admin");
  await page.goto("/admin?country=FR");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("FR");
  await expect(page.getByTestId("live-status")).toContainText("Live · updated");
  const enrolled = page.getByTestId("kpi-enrolled");
  const figure = async () => Number((await enrolled.innerText()).replaceAll(",", ""));
  const before = await figure();
  // Survives a refresh of the page's data, not a reload.
  await page.evaluate(() => Object.assign(window, { e2eNotReloaded: true }));

  // Meanwhile, in another browser, a new French account turns on 2SV.
  const french = await newContext(browser);
  const frenchPage = await french.newPage();
  const email = uniqueEmail("french dashboard");
  const last = String(Math.floor(Math.random() * 100)).padStart(2, "0");
  await signUp(frenchPage, { name: "Théo Tableau", email, country: "France" });
  await startWizard(frenchPage);
  await frenchPage.getByLabel("Phone number").fill(`+33 6 98 76 54 ${last}`);
  await frenchPage.getByRole("button", { name: "Send code" }).click();
  await frenchPage.getByLabel("Verification code").fill(await readSmsCode(french, `+336987654${last}`));
  await frenchPage.getByRole("button", { name: "Verify number" }).click();
  await frenchPage.getByRole("button", { name: "Continue", exact: true }).click();
  await frenchPage.getByRole("button", { name: "Continue", exact: true }).click();
  await createAndConfirmKey(frenchPage);
  await turnOn(frenchPage);
  await french.close();

  // The open dashboard shows it within 5 s, without a reload.
  await expect(enrolled).toHaveText(new Intl.NumberFormat("en-US").format(before + 1), { timeout: 5_000 });
  expect(await page.evaluate(() => "e2eNotReloaded" in window)).toBe(true);
  expect(await dbUser(request, email)).toMatchObject({ countryCode: "FR", twoStepEnabledAt: expect.any(String) });

  // Another filter is another URL, and other figures.
  const frenchEnrolled = before + 1;
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "All" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("");
  await expect(enrolled).not.toHaveText(String(frenchEnrolled));
  expect(await figure()).toBeGreaterThan(frenchEnrolled);

  // Sorted by Enrolled, the CSV has the table's rows in the table's order, with the same figures.
  const table = page.getByRole("table", { name: "Enrollment by country" });
  await table.getByRole("button", { name: "Enrolled" }).click();
  await expect(page).toHaveURL(/[?&]sort=enrolled/);
  const franceRow = table.getByRole("row", { name: /France/ });
  await expect(franceRow.getByRole("cell").nth(3)).toHaveText(String(frenchEnrolled));
  const shownNames = await table.locator("tbody tr td:first-child a").allInnerTexts();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = parseCsv((await readFile(await (await download).path(), "utf8")).replace(/^\uFEFF/, ""));
  const [header, ...records] = csv;
  expect(header).toEqual(expect.arrayContaining(["code", "name", "enrolled"]));
  // The CSV holds every row of every page (the pagination counts them); the page on screen is its first rows.
  const counted = await page.getByRole("region", { name: "Enrollment by country" }).getByRole("navigation", { name: "Pagination" }).innerText();
  expect(records).toHaveLength(Number(/([\d,]+) rows?/.exec(counted)![1]!.replace(/,/g, "")));
  expect(records.slice(0, shownNames.length).map((r) => r[header!.indexOf("name")])).toEqual(shownNames);
  const france = records.find((r) => r[header!.indexOf("code")] === "FR");
  expect(Number(france?.[header!.indexOf("enrolled")])).toBe(frenchEnrolled);
});
