import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, dbUser, signIn, strongPassword, uniqueEmail } from "../helpers";
import { confirmItsYou, dbAudit, signInStaff } from "./helpers";

// Signed in as the second admin (approver@), which no other spec of this project uses: staff codes go to one phone.

const regionsTable = (page: Page) => page.getByRole("table", { name: /Countries: 2SV rollout status/ });

async function downloadCsv(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  return readFile(await (await download).path(), "utf8");
}

test("regions: search, filters and sorting live in the URL; CSV exports the filtered view; SMS support toggles with an audit row", async ({ page, request }) => {
  await signInStaff(page, "approver@stepwise.test", "/admin/regions");
  await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();

  await page.getByLabel("Wave", { exact: true }).selectOption("Wave 2");
  await expect(page).toHaveURL(/wave=Wave(\+|%20)2/);
  const rows = regionsTable(page).locator("tbody tr");
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

  // Toggle SMS carrier support for Iceland (in no wave) and check the database and the audit log.
  await page.goto("/admin/regions?q=Iceland");
  await expect(rows).toHaveCount(1);
  await page.getByRole("button", { name: "Turn on SMS for Iceland" }).click();
  await expect(page.getByRole("button", { name: "Turn off SMS for Iceland" })).toBeVisible();
  const [audit] = await dbAudit(request, "country.sms");
  expect(audit).toMatchObject({ targetId: "IS", actorLabel: "Alan Approver <approver@stepwise.test>", before: { smsSupported: false }, after: { smsSupported: true } });
  const country = await request.get("/api/test/country", { params: { q: "IS" } });
  expect(await country.json()).toMatchObject({ smsSupported: true });
});

test("staff page: an admin gives an account the operator role after confirming; without 2SV it cannot enter yet", async ({ browser, page, request }) => {
  const email = uniqueEmail("new operator");
  await createAccount(browser, { name: "Nora Newop", email });

  await signInStaff(page, "approver@stepwise.test", "/admin/staff");
  await expect(page.getByRole("table", { name: "Staff members" }).getByRole("row", { name: /Ada Admin/ })).toBeVisible();
  await page.getByLabel("Account email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByRole("button", { name: "Give role" }).click();
  // Role changes need a fresh confirmation; nothing changed yet.
  await expect(page.getByText("Confirm it's you first")).toBeVisible();
  expect(await dbUser(request, email)).toMatchObject({ role: "user" });

  await confirmItsYou(page, "approver@stepwise.test");
  await page.getByLabel("Account email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("operator");
  await page.getByRole("button", { name: "Give role" }).click();
  await expect(page.getByText(`${email}: user → operator.`)).toBeVisible();
  expect(await dbUser(request, email)).toMatchObject({ role: "operator" });
  expect((await dbAudit(request, "staff.role"))[0]).toMatchObject({ targetId: email, before: { role: "user" }, after: { role: "operator" } });

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
  await page.getByLabel("Action").selectOption("staff.role");
  await expect(page).toHaveURL(/action=staff\.role/);
  const auditRows = page.getByRole("table", { name: /Audit log/ }).locator("tbody tr");
  await expect(auditRows.first()).toContainText(email);
  const csv = await downloadCsv(page);
  expect(csv).toContain(email);
  expect(csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/)).toHaveLength(1 + (await auditRows.count()));
});
