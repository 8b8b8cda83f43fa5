import { expect, test } from "@playwright/test";
import { signUp, strongPassword, uniqueEmail } from "../helpers";
import { dbEnrollment } from "./helpers";

test("after a password change, turning 2SV on waits 3 days and the page says why and until when", async ({ page, request }) => {
  const email = uniqueEmail();
  await signUp(page, { name: "Wes Waiting", email, country: "United States" });

  // A fresh account may turn 2SV on at once (setting a password at sign-up is not a change).
  await page.goto("/account/security");
  await expect(page.getByRole("link", { name: "Turn on two-step verification" })).toBeVisible();

  // Change the password like a person: security questions → step-up with them → new password.
  await page.goto("/account/questions");
  const questions = [
    ["What was the name of your first pet?", "Biscuit"],
    ["What street did you live on as a child?", "Maple Street"],
    ["What was the name of your first teacher?", "Mrs Green"],
  ] as const;
  for (const [i, [question, answer]] of questions.entries()) {
    await page.getByLabel(`Security question ${i + 1}`).selectOption({ label: question });
    await page.getByLabel(`Answer ${i + 1}`).fill(answer);
  }
  await page.getByLabel("Current password").fill(strongPassword);
  await page.getByRole("button", { name: "Save security questions" }).click();
  await expect(page).toHaveURL(/\/account\/security\?done=questions$/);

  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/account\/confirm\?action=password/);
  // Answers match whatever the case.
  for (const [question, answer] of questions) await page.getByLabel(question).fill(answer.toLowerCase());
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel("Current password").fill(strongPassword);
  await page.getByLabel("New password", { exact: true }).fill("Harbor-Velvet-Quartz-9183");
  await page.getByLabel("Re-enter new password").fill("Harbor-Velvet-Quartz-9183");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();

  const { passwordChangedAt } = await dbEnrollment(request, email);
  expect(passwordChangedAt).not.toBeNull();
  const until = new Date(new Date(passwordChangedAt!).getTime() + 3 * 24 * 60 * 60_000);

  await page.goto("/account/security");
  const notice = page.getByTestId("waiting-period");
  await expect(notice).toHaveText(/^You can turn on two-step verification from /);
  // The date shown is the change + 3 days (the page formats in UTC unless the browser told us its zone).
  const shown = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(until);
  await expect(notice).toContainText(shown);
  await expect(page.getByText(/Your password was changed on/)).toBeVisible();
  await expect(page.getByText(/we wait 3 days after such a change/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Turn on two-step verification" })).toHaveCount(0);

  // The wizard explains the same and offers no way to start.
  await page.goto("/account/security/enable");
  await expect(page).toHaveURL(/\/enable\/explain$/);
  await expect(page.getByTestId("waiting-period")).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  expect((await dbEnrollment(request, email)).enrollment).toBeNull();
});
