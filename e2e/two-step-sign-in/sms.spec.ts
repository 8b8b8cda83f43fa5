import { expect, test } from "@playwright/test";
import { newContext, signOut, signUp, strongPassword, submitSignIn, uniqueEmail } from "../helpers";
import { createAndConfirmKey, readSmsCode, sendCodeWhenAllowed, startWizard, turnOn } from "../two-step-enable/helpers";
import { latestCode, messageCount, uniquePhone } from "../recovery/helpers";
import { dbSessionLevels } from "../two-step-push/helpers";

test("sign in with an SMS code: pending session until the code, then a new aal-2 session", async ({ browser, request }) => {
  // The sign-in code is the account's second SMS, and sends to one account are 30 s apart.
  test.setTimeout(240_000);
  const email = uniqueEmail();
  const { typed, e164 } = uniquePhone();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUp(page, { name: "Sid Signin", email, country: "United States" });

  // 2SV on with a verified trusted phone, through the wizard.
  await startWizard(page);
  await page.getByLabel("Phone number").fill(typed);
  const before = await messageCount(context, e164); // a random number may already hold another test's text
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Verification code").fill(await latestCode(context, e164, before));
  await page.getByRole("button", { name: "Verify number" }).click();
  await expect(page.getByText(`+1 ${e164.slice(2, 5)} ${e164.slice(5, 8)} ${e164.slice(8)} is now a trusted number.`)).toBeVisible();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await createAndConfirmKey(page);
  await turnOn(page);
  await signOut(page);

  // The right password alone leads to /verify with a pending (aal 1) session.
  await submitSignIn(page, email, strongPassword);
  await expect(page).toHaveURL(/\/verify/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
  const pending = (await dbSessionLevels(request, email)).filter((s) => !s.revokedAt);
  expect(pending).toHaveLength(1);
  expect(pending[0]).toMatchObject({ aal: 1, upgradedFrom: null });
  const pendingId = pending[0]!.id;

  // Before the code, the pending session cannot reach the account.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/verify/);
  await expect(page.getByRole("heading", { name: "Your account" })).toHaveCount(0);

  // Text message → code from the dev inbox → account.
  await page.getByRole("radio", { name: /Text message to/ }).check();
  await sendCodeWhenAllowed(page);
  await expect(page.getByText(/We sent a 6-digit code to/)).toBeVisible();
  const code = await readSmsCode(context, e164);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  // The pending session is gone; a new aal-2 session (new id) descends from it.
  const levels = await dbSessionLevels(request, email);
  expect(levels.find((s) => s.id === pendingId)?.revokedAt).not.toBeNull();
  const live = levels.filter((s) => !s.revokedAt);
  expect(live).toHaveLength(1);
  expect(live[0]).toMatchObject({ aal: 2, upgradedFrom: pendingId });
  expect(live[0]!.id).not.toBe(pendingId);

  // And the account stays reachable on reload.
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await page.screenshot({ path: test.info().outputPath("signed-in.png") });
});
