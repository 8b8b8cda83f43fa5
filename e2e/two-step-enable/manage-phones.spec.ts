import { expect, test } from "@playwright/test";
import { newContext, signUp, uniqueEmail } from "../helpers";
import { createAndConfirmKey, dbEnrollment, readSmsCode, sendCodeWhenAllowed, startWizard, turnOn } from "./helpers";
import { expectAccessible } from "../accessibility";

test("trusted phones: step-up first, the last factor cannot go, a new number is verified before the old one is removed", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const email = uniqueEmail();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUp(page, { name: "Phil Phones", email, country: "United States" });
  await startWizard(page);
  await page.getByLabel("Phone number").fill("(201) 555-0142");
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Verification code").fill(await readSmsCode(context, "+12015550142"));
  await page.getByRole("button", { name: "Verify number" }).click();
  await expect(page.getByText("+1 201 555 0142 is now a trusted number.")).toBeVisible();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await createAndConfirmKey(page);
  await turnOn(page);

  // Managing phones needs a fresh code for "phones".
  await page.getByRole("link", { name: "Manage Trusted phones" }).click();
  await expect(page).toHaveURL(/\/account\/confirm\?action=phones/);
  await sendCodeWhenAllowed(page);
  const inbox = await context.newPage();
  await inbox.goto("/dev/inbox?to=%2B12015550142");
  await expect(inbox.getByRole("article", { name: "SMS to +12015550142" })).toHaveCount(2);
  await inbox.close();
  await page.getByLabel("Verification code").fill(await readSmsCode(context, "+12015550142"));
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL(/\/account\/security\/phones$/);

  // The only way to receive codes cannot be removed.
  const phones = page.getByRole("list", { name: "Your trusted numbers" });
  await phones.getByRole("button", { name: "Remove +1 201 555 0142" }).click();
  await expect(page.getByText("This is your last way to confirm it's you.")).toBeVisible();
  expect((await dbEnrollment(request, email)).phones.filter((p) => !p.removedAt)).toHaveLength(1);
  await expectAccessible(page);

  // A number typed wrong: "Use a different number" lets go of its code, so a reload stays at the number field.
  await page.getByLabel("Phone number").fill("202 555 0199");
  await sendCodeWhenAllowed(page);
  await expect(page.getByText("We texted a 6-digit code to +1 202 555 0199.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("We texted a 6-digit code to +1 202 555 0199.")).toBeVisible();
  await page.getByRole("button", { name: "Use a different number" }).click();
  await expect(page.getByLabel("Phone number")).toHaveValue("(202) 555-0199");
  await page.reload();
  await expect(page.getByLabel("Phone number")).toHaveValue("");
  await expect(page.getByLabel("Verification code")).toHaveCount(0);

  // Add a second number (verified with its own code), then remove the first.
  await page.getByLabel("Phone number").fill("202 555 0175");
  await sendCodeWhenAllowed(page);
  await page.getByLabel("Verification code").fill(await readSmsCode(context, "+12025550175"));
  await page.getByRole("button", { name: "Verify number" }).click();
  await expect(page.getByText("+1 202 555 0175 is now a trusted number.")).toBeVisible();
  await expect(phones.getByRole("listitem")).toHaveCount(2);
  await phones.getByRole("button", { name: "Remove +1 201 555 0142" }).click();
  await expect(phones.getByRole("listitem")).toHaveCount(1);
  await expect(phones).toContainText("+1 202 555 0175");

  const after = await dbEnrollment(request, email);
  expect(after.phones.filter((p) => !p.removedAt).map((p) => p.e164)).toEqual(["+12025550175"]);
  expect(after.phones.find((p) => p.e164 === "+12015550142")?.removedAt).not.toBeNull();
  await context.close();
});
