import { expect, test } from "@playwright/test";
import { demoPassword, signIn } from "../helpers";
import { dbEnrollment } from "./helpers";
import { expectAccessible } from "../accessibility";

test("a French account sees that 2SV is not available yet, and cannot open the wizard", async ({ page, request }) => {
  await signIn(page, "chloe@example.fr", demoPassword);
  await page.goto("/account/security");
  await expect(page.getByTestId("two-step-status")).toHaveText("Not available yet");
  await expect(page.getByTestId("availability")).toHaveText("Two-step verification isn't available in France yet. It's planned, but no date is set.");
  await expect(page.getByRole("link", { name: "Turn on two-step verification" })).toHaveCount(0);
  // Security questions are still asked of her at first need.
  await expect(page.getByRole("heading", { name: "Security questions" })).toBeVisible();
  await expectAccessible(page);

  for (const path of ["/account/security/enable", "/account/security/enable/explain", "/account/security/enable/review"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account\/security$/);
  }
  expect((await dbEnrollment(request, "chloe@example.fr")).enrollment).toBeNull();
});
