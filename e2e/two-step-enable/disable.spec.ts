import { expect, test } from "@playwright/test";
import { newContext, signUp, uniqueEmail } from "../helpers";
import { createAndConfirmKey, dbEnrollment, latestEmail, readSmsCode, sendCodeWhenAllowed, startWizard, turnOn } from "./helpers";
import { expectAccessible } from "../accessibility";

test("turn 2SV off after a step-up code: security questions set again, factors retired, email sent", async ({ browser, request }) => {
  // The step-up code is a second SMS, and sends to one account are 30 s apart.
  test.setTimeout(300_000);
  const email = uniqueEmail();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUp(page, { name: "Otto Off", email, country: "United States" });

  await startWizard(page);
  await page.getByLabel("Phone number").fill("+1 (202) 555-0188");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Verification code").fill(await readSmsCode(context, "+12025550188"));
  await page.getByRole("button", { name: "Verify number" }).click();
  await expect(page.getByText("+1 202 555 0188 is now a trusted number.")).toBeVisible();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await createAndConfirmKey(page);
  await turnOn(page);

  // Turning off needs a fresh code (step-up "disable_two_step").
  await page.getByRole("link", { name: "Turn off two-step verification" }).click();
  await expect(page).toHaveURL(/\/account\/confirm\?action=disable_two_step/);
  await sendCodeWhenAllowed(page);
  const inbox = await context.newPage();
  await inbox.goto("/dev/inbox?to=%2B12025550188");
  await expect(inbox.getByRole("article", { name: "SMS to +12025550188" })).toHaveCount(2);
  await inbox.close();
  await page.getByLabel("Verification code").fill(await readSmsCode(context, "+12025550188"));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/account\/security\/disable$/);

  // Questions must be set again; every field says what's wrong; nothing changes on bad input.
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await expect(page.locator("main form [role=alert]").filter({ hasText: "Choose a question." })).toHaveCount(3);
  await expect(page.locator("main form [role=alert]").filter({ hasText: "Enter an answer." })).toHaveCount(3);
  expect((await dbEnrollment(request, email)).twoStepEnabledAt).not.toBeNull();
  await expectAccessible(page);

  const questions = [
    ["What was the name of your first teacher?", "Mrs Green"],
    ["What was the first concert you went to?", "Blur"],
    ["In what city was your first job?", "Leeds"],
  ] as const;
  for (const [i, [question]] of questions.entries()) await page.getByLabel(`Security question ${i + 1}`).selectOption({ label: question });
  await page.getByLabel("Answer 1").fill("Mrs Green");
  await page.getByLabel("Answer 2").fill("mrs green");
  await page.getByLabel("Answer 3").fill("Leeds");
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await expect(page.getByText("Use a different answer for each question.")).toBeVisible();
  // Chosen questions are kept; answers (secrets) are not.
  await expect(page.getByLabel("Security question 3")).toHaveValue("firstJobCity");
  await expect(page.getByLabel("Answer 1")).toHaveValue("");
  for (const [i, [, answer]] of questions.entries()) await page.getByLabel(`Answer ${i + 1}`).fill(answer);
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();

  await expect(page).toHaveURL(/\/account\/security\?done=disabled$/);
  await expect(page.getByTestId("two-step-status")).toHaveText("Off");
  await expect(page.getByTestId("questions-status")).toHaveText("Your three security questions are set.");
  await expect(page.getByRole("link", { name: "Turn on two-step verification" })).toBeVisible();

  const after = await dbEnrollment(request, email);
  expect(after.twoStepEnabledAt).toBeNull();
  expect(after.questionCount).toBe(3);
  expect(after.phones).toEqual([]);
  expect(after.devices).toEqual([]);
  expect(after.recoveryKey).toBeNull();
  expect(after.events.at(-1)).toBe("two_step_disabled");
  expect(await latestEmail(context, email)).toContain("Two-step verification was turned off");
  await context.close();
});
