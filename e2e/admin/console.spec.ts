import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "../accessibility";
import { createAccount, dbUser, holdScripts, signIn, strongPassword, uniqueEmail } from "../helpers";
import { confirmItsYou, dbAudit, signInStaff } from "./helpers";

// Signed in as the second admin (approver@), which no other spec of this project uses: staff codes go to one phone.

const regionsTable = (page: Page) => page.getByRole("table", { name: /Countries: 2SV rollout status/ });

async function downloadCsv(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  return readFile(await (await download).path(), "utf8");
}

test("regions: search, filters and sorting live in the URL; CSV exports the filtered view; SMS support changes with a reason, a confirmation and an audit row", async ({ page, request }) => {
  await signInStaff(page, "approver@stepwise.test", "/admin/regions");
  await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();

  // Countries are stored under their official names; the search also knows the everyday ones. Typed before the
  // page's script has run (a slow phone), the search still applies once it does.
  const rows = regionsTable(page).locator("tbody tr");
  const release = await holdScripts(page);
  await page.reload({ waitUntil: "commit" });
  await page.getByLabel("Search", { exact: true }).fill("USA");
  await page.getByLabel("SMS", { exact: true }).selectOption("yes");
  release();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("United States of America");
  await expect(page).toHaveURL(/\?(?=.*q=USA)(?=.*sms=yes)/);
  await page.getByLabel("SMS", { exact: true }).selectOption("");
  await page.getByLabel("Search", { exact: true }).fill("great britain");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("United Kingdom");
  await page.getByLabel("Search", { exact: true }).fill("Côte d’Ivoire");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Cote d'Ivoire");
  await page.getByLabel("Search", { exact: true }).fill("");

  await page.getByLabel("Wave", { exact: true }).selectOption("Wave 2");
  await expect(page).toHaveURL(/wave=Wave(\+|%20)2/);
  await expect(rows).toHaveCount(9);
  await expect(regionsTable(page).getByRole("row", { name: /Brazil/ })).toContainText("Available");

  await page.getByLabel("SMS", { exact: true }).selectOption("no");
  await expect(rows).toHaveCount(2); // Pakistan and Russia: devices only
  const csv = await downloadCsv(page);
  const lines = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("code,name,status,percent,wave,launched_at,sms,accounts,eligible,enrolled,enrollment_rate");
  expect(lines.slice(1).map((l) => l.split(",")[0]).sort()).toEqual(["PK", "RU"]);

  // The state survives a reload (a shared link shows the same view).
  await page.reload();
  await expect(page.getByLabel("SMS", { exact: true })).toHaveValue("no");
  await expect(rows).toHaveCount(2);

  // SMS carrier support for Iceland (in no wave) changes on its page, like the kill switch: a reason and a fresh
  // confirmation, then the database and the audit log show it.
  await page.goto("/admin/regions?q=Iceland");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("No");
  await rows.first().getByRole("link", { name: "Iceland" }).click();
  const audited = (await dbAudit(request, "country.sms")).length;
  await page.getByLabel("Reason for turning SMS on").fill("Síminn now delivers our codes");
  await page.getByRole("button", { name: "Turn on SMS for Iceland" }).click();
  await expect(page.getByText("Confirm it's you first: changing SMS support")).toBeVisible();
  expect(await dbAudit(request, "country.sms")).toHaveLength(audited);
  await confirmItsYou(page, "approver@stepwise.test");
  await page.getByLabel("Reason for turning SMS on").fill("Síminn now delivers our codes");
  await page.getByRole("button", { name: "Turn on SMS for Iceland" }).click();
  await expect(page.getByText("SMS turned on.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off SMS for Iceland" })).toBeVisible();
  const [audit] = await dbAudit(request, "country.sms");
  expect(audit).toMatchObject({ targetId: "IS", actorLabel: "Alan Approver <approver@stepwise.test>", reason: "Síminn now delivers our codes", before: { smsSupported: false }, after: { smsSupported: true } });
  const country = await request.get("/api/test/country", { params: { q: "IS" } });
  expect(await country.json()).toMatchObject({ smsSupported: true });
});

test("staff page: one admin asks for the operator role after confirming, a second admin approves; without 2SV it cannot enter yet", async ({ browser, page, request }) => {
  const email = uniqueEmail("new operator");
  await createAccount(browser, { name: "Nora Newop", email });

  await signInStaff(page, "approver@stepwise.test", "/admin/staff");
  await expect(page.getByRole("table", { name: "Staff members" }).getByRole("row", { name: /Ada Admin/ })).toBeVisible();
  await page.getByLabel("Account email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByLabel("Reason", { exact: true }).fill("Joins the launch on-call rota");
  await page.getByRole("button", { name: "Ask for role" }).click();
  // Role changes need a fresh confirmation; nothing changed yet.
  await expect(page.getByText("Confirm it's you first")).toBeVisible();
  expect(await dbUser(request, email)).toMatchObject({ role: "user" });

  await confirmItsYou(page, "approver@stepwise.test");
  // What was typed survived the trip (a draft in this tab until the form is sent).
  await expect(page.getByLabel("Account email")).toHaveValue(email);
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("operator");
  const reason = page.getByLabel("Reason", { exact: true });
  await expect(reason).toHaveValue("Joins the launch on-call rota");
  // A role is never asked for without a reason for the audit log (the browser asks first; the server refuses too).
  await reason.fill("");
  await page.getByRole("button", { name: "Ask for role" }).click();
  expect(await reason.evaluate((field: HTMLInputElement) => field.validity.valueMissing)).toBe(true);
  expect(await dbAudit(request, "staff.role_request")).not.toContainEqual(expect.objectContaining({ targetId: email }));
  await reason.fill("Joins the launch on-call rota");
  await page.getByRole("button", { name: "Ask for role" }).click();
  await expect(page.getByText(`Asked: ${email} becomes operator once another admin approves.`)).toBeVisible();
  // A higher role takes a second admin: asked for, not given.
  expect(await dbUser(request, email)).toMatchObject({ role: "user" });
  const approver = await dbUser(request, "approver@stepwise.test");
  expect((await dbAudit(request, "staff.role_request"))[0]).toMatchObject({ targetId: email, actorLabel: "Alan Approver <approver@stepwise.test>", after: { role: "operator" } });
  const asked = page.getByRole("list", { name: "Role requests" }).getByRole("listitem", { name: `${email}: Operator` });
  await expect(asked).toContainText("Asked by Alan Approver <approver@stepwise.test>");
  await expect(asked).toContainText("You asked for this, so another admin approves it.");
  await expect(asked.getByRole("button", { name: /Approve/ })).toHaveCount(0);

  // The second admin is emailed, sees it waiting for them in the menu, confirms it's them, and approves.
  const adminContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US" });
  const admin = await adminContext.newPage();
  await signInStaff(admin, "admin@stepwise.test", "/admin/staff");
  const inbox = await adminContext.newPage();
  await inbox.goto(`/dev/inbox?to=${encodeURIComponent("admin@stepwise.test")}`);
  await expect(inbox.getByRole("article", { name: "Email to admin@stepwise.test" }).filter({ hasText: email })).toContainText(
    `Alan Approver <approver@stepwise.test> asked to make ${email} an operator (now: no staff role).`,
  );
  await inbox.close();
  await expect(admin.getByRole("navigation", { name: "Admin", exact: true }).getByRole("link", { name: /^Staff \(\d+ waits? for your approval\)$/ })).toBeVisible();
  const waiting = admin.getByRole("list", { name: "Role requests" }).getByRole("listitem", { name: `${email}: Operator` });
  await expect(waiting).toContainText("Reason: Joins the launch on-call rota");
  await waiting.getByRole("button", { name: `Approve Operator for ${email}` }).click();
  await expect(waiting.getByText("Confirm it's you first")).toBeVisible();
  expect(await dbUser(request, email)).toMatchObject({ role: "user" });
  await confirmItsYou(admin, "admin@stepwise.test");
  await waiting.getByRole("button", { name: `Approve Operator for ${email}` }).click();
  await expect(admin.getByText(`${email}: user → operator.`)).toBeVisible();
  await expect(admin.getByTestId(`role-of-${email}`)).toHaveText("Operator");
  await adminContext.close();

  const user = await dbUser(request, email);
  expect(user).toMatchObject({ role: "operator" });
  expect((await dbAudit(request, "staff.role"))[0]).toMatchObject({
    targetId: email,
    actorLabel: "Ada Admin <admin@stepwise.test>",
    reason: "Joins the launch on-call rota",
    before: { role: "user" },
    after: { role: "operator", userId: user!.id, requestedBy: approver!.id },
  });

  // The new operator has no 2SV: the console sends them to turn it on.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US" });
  const newOperator = await context.newPage();
  await signIn(newOperator, email, strongPassword);
  await newOperator.goto("/admin/waves");
  await expect(newOperator).toHaveURL(/\/account\/security\?staff=required$/);
  await expect(newOperator.getByText("The staff console needs two-step verification.")).toBeVisible();
  await context.close();

  // The audit page lists the change; filtering by action narrows it; the CSV holds what the table shows.
  await page.goto("/admin/audit");
  await page.getByLabel("Action").selectOption({ label: "Role changed" });
  await expect(page).toHaveURL(/action=staff\.role/);
  const auditRows = page.getByRole("table", { name: /Audit log/ }).locator("tbody tr");
  await expect(auditRows.first()).toContainText(email);
  await expect(auditRows.first().getByRole("cell").nth(2)).toContainText("Role changed");
  const csv = await downloadCsv(page);
  expect(csv).toContain(email);
  expect(csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/)).toHaveLength(1 + (await auditRows.count()));
});

test("dashboard: the adoption tooltip follows the pointer, the keys and a finger with the table's figures", async ({ browser, page }) => {
  await signInStaff(page, "approver@stepwise.test", "/admin");
  const adoption = page.getByRole("region", { name: "Adoption by wave since launch" });
  const slider = adoption.getByRole("slider", { name: "Figures by day since launch" });
  const tooltip = adoption.getByTestId("plot-tooltip");
  await expect(tooltip).toHaveCount(0);

  // The table alternative is built when opened; day 30's figures there are what the slider says and shows for day 30.
  await adoption.getByText("Show as table").click();
  const table = adoption.getByRole("table", { name: /Enrollment rate by days since launch/ });
  await expect(table).toBeVisible();
  const waves = (await table.getByRole("columnheader").allInnerTexts()).slice(1);
  const rates = await table.getByRole("row", { name: /^30\b/ }).getByRole("cell").allInnerTexts();
  expect(rates).toHaveLength(waves.length);
  const day30 = `Day 30 since launch: ${waves.map((wave, i) => `${wave} ${rates[i]}`).join(", ")}`;

  // (The tooltip is hidden from assistive technology, which hears the same figures as the slider's value.)
  // Keyboard: Home is launch day, Page Up a week on, arrows a day; Escape hides the tooltip.
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuenow", "0");
  await expect(tooltip).toContainText("Day 0 since launch");
  for (const key of ["PageUp", "PageUp", "PageUp", "PageUp", "ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
  await expect(slider).toHaveAttribute("aria-valuetext", day30);
  for (const [i, wave] of waves.entries()) await expect(tooltip.locator("li").nth(i)).toHaveText(`${wave}${rates[i]}`);
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(tooltip).toHaveCount(0);

  // Pointer: the day under it (the axis runs 0–180 days), gone when the pointer leaves.
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 6, box.y + box.height / 2);
  await expect(tooltip).toContainText("Day 30 since launch");
  await expect(slider).toHaveAttribute("aria-valuetext", day30);
  await page.mouse.move(box.x + box.width / 6, box.y - 40);
  await expect(tooltip).toHaveCount(0);

  // Touch, on a phone in dark mode: a tap shows that day until a tap elsewhere.
  const phone = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "en-US",
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    colorScheme: "dark",
  });
  const phonePage = await phone.newPage();
  await phonePage.goto("/admin");
  const phoneSlider = phonePage.getByRole("slider", { name: "Figures by day since launch" });
  const phoneTooltip = phonePage.getByTestId("plot-tooltip");
  await phoneSlider.scrollIntoViewIfNeeded();
  const phoneBox = (await phoneSlider.boundingBox())!;
  // A tap before the page's script has run does nothing, so a person taps again, as here.
  await expect(async () => {
    await phonePage.touchscreen.tap(phoneBox.x + phoneBox.width / 6, phoneBox.y + phoneBox.height / 2);
    await expect(phoneTooltip).toContainText("Day 30 since launch", { timeout: 2_000 });
  }).toPass();
  await expectAccessible(phonePage);
  await phonePage.getByRole("heading", { name: "Adoption by wave since launch" }).tap();
  await expect(phoneTooltip).toHaveCount(0);
  await phone.close();
});

test("dashboard: updates pause while the person is away, so an open dashboard does not keep the session alive", async ({ page }) => {
  // The page's clock is the test's to move; the server's is not, so the session row is aged instead (test hook).
  await page.clock.install();
  // The server-rendered page already says "Live"; its first poll says the updating has started in the browser.
  const firstPoll = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/admin/dashboard-version");
  await signInStaff(page, "approver@stepwise.test", "/admin");
  const live = page.getByTestId("live-status");
  await firstPoll;
  await expect(live).toContainText("Live · updated");
  const asked: string[] = [];
  // The version poll and the page's refreshes. (The router's prefetches of the console's links, sent once as the page
  // loads, may still be on their way; they are not the dashboard's doing.)
  page.on("request", (r) => {
    const url = new URL(r.url());
    const refresh = url.searchParams.has("_rsc") && !r.headers()["next-router-prefetch"];
    if (url.pathname === "/api/admin/dashboard-version" || refresh) asked.push(url.pathname);
  });

  // Five minutes without a key, the pointer or a touch: paused, and the tab asks the server nothing more.
  await page.clock.fastForward("05:01");
  await expect(live).toContainText("Paused while you're away · figures as of");
  const before = asked.length;
  for (let minute = 0; minute < 3; minute++) await page.clock.fastForward("01:00");
  await expect(live).toContainText("Paused while you're away");
  expect(asked.slice(before)).toEqual([]);

  // Meanwhile the idle hour passes on the server, with no request to reset it.
  expect((await page.request.post("/api/test/age-session", { params: { q: "1.1" } })).status()).toBe(200);
  // Back at the desk: the first move resumes updates, the server says the session ended, and the page asks to sign in.
  await page.mouse.move(120, 160);
  await page.mouse.move(240, 320);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin&ended=1$/);
  await expect(page.getByText("Your session has ended. For your security, sign in again to continue.")).toBeVisible();
});

test("guardrails: saving needs a fresh confirmation, then the thresholds are stored and audited", async ({ page, request }) => {
  await signInStaff(page, "approver@stepwise.test", "/admin/waves");
  await page.getByRole("link", { name: "Wave 2", exact: true }).first().click();
  const sms = page.getByLabel("SMS delivery failure rate (%)");
  const original = await sms.inputValue();
  const audited = (await dbAudit(request, "wave.guardrails")).length;
  await sms.fill("35");
  await page.getByRole("button", { name: "Save guardrails" }).click();
  await expect(page.getByText("Confirm it's you first: guardrails")).toBeVisible();
  expect(await dbAudit(request, "wave.guardrails")).toHaveLength(audited);
  // Cancelling the confirmation comes back to the wave, not to the account page.
  const wavePage = page.url();
  await page.getByRole("link", { name: "Confirm it's you" }).first().click();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(wavePage);

  await confirmItsYou(page, "approver@stepwise.test");
  await sms.fill("35");
  await page.getByRole("button", { name: "Save guardrails" }).click();
  await expect(page.getByText("Guardrails saved.")).toBeVisible();
  const [row] = await dbAudit(request, "wave.guardrails");
  expect(row).toMatchObject({ actorLabel: "Alan Approver <approver@stepwise.test>", after: { smsFailureThreshold: 0.35 } });

  // Put Wave 2 back as the other specs know it (the confirmation still holds).
  await sms.fill(original);
  await page.getByRole("button", { name: "Save guardrails" }).click();
  await expect(page.getByText("Guardrails saved.")).toBeVisible();
});
