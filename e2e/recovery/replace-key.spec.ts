import { expect, test } from "@playwright/test";
import { formAlerts, signOut } from "../helpers";
import { sendCode, signUpWithTwoStep, waitForMessage } from "./helpers";

test.describe("lost Recovery Key while signed in", () => {
  test("a fresh code, then a new key typed back replaces the old one, which recovery refuses from then on", async ({ page }) => {
    test.setTimeout(300_000); // sign-up and the whole 2SV wizard before the flow itself; slow on a busy 2-core machine
    const { email, phone, recoveryKey } = await signUpWithTwoStep(page, "Kai Keyless");

    await page.goto("/account/recovery-key");
    await expect(page).toHaveURL(/\/account\/confirm\?action=recovery_key/);
    await expect(page.getByText("Before you replace your Recovery Key, confirm it's you.")).toBeVisible();
    await page.getByLabel("Verification code").fill(await sendCode(page, phone.e164));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("heading", { name: "Replace your Recovery Key" })).toBeVisible();

    await page.getByRole("button", { name: "Create a new Recovery Key" }).click();
    const newKey = (await page.getByTestId("new-recovery-key").innerText()).trim();
    expect(newKey).not.toBe(recoveryKey);
    await page.getByLabel("Re-enter the key to confirm you saved it").fill("AAAA-BBBB-CCCC-DD");
    await page.getByRole("button", { name: "Confirm key" }).click();
    await expect(formAlerts(page)).toHaveText(["That doesn't match the key shown above."]);
    await page.getByLabel("Re-enter the key to confirm you saved it").fill(newKey.toLowerCase());
    await page.getByRole("button", { name: "Confirm key" }).click();
    await expect(page.getByText("Your new Recovery Key is active. The old one no longer works.")).toBeVisible();
    await waitForMessage(page.context(), email, /Your Stepwise Recovery Key was replaced/);

    await signOut(page);
    await page.goto("/forgot-password");
    const withKey = page.getByRole("region", { name: "I use two-step verification" });
    await withKey.getByLabel("Email").fill(email);
    await withKey.getByLabel("Recovery Key").fill(recoveryKey);
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(withKey.locator("form > [role=alert]")).toHaveText("The email or Recovery Key is incorrect.");
    await withKey.getByLabel("Recovery Key").fill(newKey);
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/forgot-password\/verify$/);
  });
});
