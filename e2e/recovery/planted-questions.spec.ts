import { expect, test } from "@playwright/test";
import { expectAccessible } from "../accessibility";
import { signIn, signOut, signUp, strongPassword, uniqueEmail } from "../helpers";
import { dbEnrollment } from "../two-step-enable/helpers";
import { setQuestions, waitForMessage } from "./helpers";

const newPassword = "Quiet-Harbor-Violet-3318";

test("security questions set by someone else with the password: the owner's notice resets the password without them, and they are gone", async ({ browser, page, request }) => {
  test.slow(); // sign-up, two sign-ins, a reset: several argon2id checks
  const email = uniqueEmail("planted questions");
  await signUp(page, { name: "Olga Owner", email, country: "France" });
  await signOut(page);

  // Mallory knows the password and sets the first questions, which from now on gate the emailed reset.
  const mallory = await browser.newContext();
  const malloryPage = await mallory.newPage();
  await malloryPage.goto("/sign-in");
  await signIn(malloryPage, email, strongPassword);
  await malloryPage.goto("/account/questions?next=%2Faccount");
  await setQuestions(malloryPage);
  await expect(malloryPage).toHaveURL(/\/account$/);
  expect((await dbEnrollment(request, email))?.questionCount).toBe(3);

  // Olga reads the notice and follows its second link, which does not ask those questions.
  const notice = await waitForMessage(page.context(), email, /security questions were set up/);
  expect(notice).toContain("If you did not set them up, they may be there to lock you out.");
  const [, link] = notice.match(/https?:\/\/\S+(\/reset\?token=\S+)/)!;
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await expect(page.getByText("This link doesn't ask the security questions set up recently")).toBeVisible();
  await expect(page.getByLabel("What was the name of your first pet?")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Re-enter new password").fill(newPassword);
  await page.getByRole("button", { name: "Reset password" }).click();
  await expect(page.getByText("Your password was reset and every device was signed out.")).toBeVisible();
  expect((await dbEnrollment(request, email))?.questionCount).toBe(0);

  // Mallory's session ended with the old password; Olga signs in and is invited to set questions of her own.
  await malloryPage.reload();
  await expect(malloryPage).toHaveURL(/\/sign-in/);
  await page.goto("/sign-in");
  await signIn(page, email, newPassword);
  await page.goto("/account/security");
  await expect(page.getByText("You haven't set your security questions yet.")).toBeVisible();
  await mallory.close();
});
