import { expect, test, type Page } from "@playwright/test";
import { afterPasswordSubmit, formAlerts, holdScripts, signOut, submitSignIn } from "../helpers";
import { sendCode, signUpWithTwoStep } from "../recovery/helpers";
import { dbFactors } from "./helpers";

/** The second step (sign-in or step-up) with a backup code; `choose` picks the method when it is not remembered. */
async function answerWithBackupCode(page: Page, code: string, submit: "Verify" | "Confirm", choose = false) {
  if (choose) await page.getByRole("radio", { name: /A backup code/ }).check();
  await expect(page.getByRole("radio", { name: /A backup code/ })).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Backup code", { exact: true }).fill(code);
  await page.getByRole("button", { name: submit, exact: true }).click();
}

test("backup codes: shown once, each gets in once, and the page warns when few are left", async ({ page, request }) => {
  test.setTimeout(180_000);
  const account = await signUpWithTwoStep(page, "Bea Backup");
  await page.goto("/account/security");
  await expect(page.getByTestId("backup-status")).toHaveText("No backup codes yet.");
  await page.getByRole("link", { name: "Create Backup codes" }).click();
  await page.getByLabel("Verification code").fill(await sendCode(page, account.phone.e164));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security\/backup-codes$/);

  await page.getByRole("button", { name: "Get backup codes" }).click();
  const list = page.getByRole("list", { name: "Your new backup codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allInnerTexts();
  // The count above the new codes is theirs, not the one the page was opened with.
  await expect(page.getByTestId("backup-codes-left")).toHaveText("10 codes left.");
  expect((await dbFactors(request, account.email)).backupCodesLeft).toBe(10);
  // Shown once: coming back shows the count, never the codes.
  await page.reload();
  await expect(page.getByTestId("backup-codes-left")).toHaveText("10 codes left.");
  await expect(page.getByText(codes[0]!)).toHaveCount(0);

  await signOut(page);
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await expect(page.getByText("10 codes left. Each works once.")).toBeVisible();
  // Picked before the page's script has run (a slow network), the method still holds once it has.
  const release = await holdScripts(page);
  await page.reload({ waitUntil: "commit" });
  await page.getByRole("radio", { name: /A backup code/ }).check();
  release();
  await answerWithBackupCode(page, codes[0]!.toUpperCase(), "Verify");
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
  expect((await dbFactors(request, account.email)).backupCodesLeft).toBe(9);

  // The same code again is refused; the next one works (the method is remembered).
  await signOut(page);
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await answerWithBackupCode(page, codes[0]!, "Verify");
  await expect(formAlerts(page)).toHaveText("That code was already used. Wait for your app to show a new one.");
  await page.getByLabel("Backup code", { exact: true }).fill(codes[1]!);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);

  // Five step-ups with codes 3–7 leave three: the security page warns.
  for (const [i, action] of ["password", "email", "profile", "phones", "devices"].entries()) {
    await page.goto(`/account/confirm?action=${action}&next=/account`);
    await answerWithBackupCode(page, codes[2 + i]!, "Confirm");
    // Not /\/account$/: the confirm page's own address ends in "next=/account".
    await expect(page).toHaveURL((url) => url.pathname === "/account");
  }
  expect((await dbFactors(request, account.email)).backupCodesLeft).toBe(3);
  await page.goto("/account/security");
  await expect(page.getByTestId("backup-status")).toHaveText("Only 3 backup codes left. Get new ones.");
});
