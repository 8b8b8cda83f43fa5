import { expect, test } from "@playwright/test";
import { dbSessions, dbUser, formAlerts, signOut, submitSignIn } from "../helpers";
import { dbChallenges } from "../two-step-push/helpers";
import { inbox, sendCode, signUpWithTwoStep, waitForMessage } from "./helpers";
import { expectAccessible } from "../accessibility";

const newPassword = "Quiet-Harbor-Violet-3318";

test.describe("forgot password with 2SV on", () => {
  test("needs the Recovery Key AND a code; afterwards the old key is refused and a new one is shown once", async ({ page, request }) => {
    test.setTimeout(300_000); // sign-up and the whole 2SV wizard before the flow itself; slow on a busy 2-core machine
    const { email, phone, recoveryKey } = await signUpWithTwoStep(page);
    await signOut(page);

    await page.goto("/forgot-password");
    const withKey = page.getByRole("region", { name: "I use two-step verification" });
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(withKey.locator("[role=alert]")).toHaveText(["Enter your email address.", "Enter your Recovery Key."]);

    // A wrong key and an unknown email fail alike; the email is kept, the key is not.
    await withKey.getByLabel("Email").fill(email);
    await withKey.getByLabel("Recovery Key").fill("AAAA-BBBB-CCCC-DD");
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(withKey.locator("form > [role=alert]")).toHaveText("The email or Recovery Key is incorrect.");
    await expect(withKey.getByLabel("Email")).toHaveValue(email);
    await expect(withKey.getByLabel("Recovery Key")).toHaveValue("");
    await expectAccessible(page);

    // The key alone is not enough: the new-password page sends us to the code step.
    await withKey.getByLabel("Recovery Key").fill(recoveryKey.toLowerCase().replace(/-/g, " "));
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/forgot-password\/verify$/);
    await page.goto("/forgot-password/new-password");
    await expect(page).toHaveURL(/\/forgot-password\/verify$/);

    await expect(page.getByRole("heading", { name: "Confirm with a code" })).toBeVisible();
    const code = await sendCode(page, phone.e164);
    await page.getByLabel("Verification code").fill(code);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/forgot-password\/new-password$/);
    const recovery = (await dbChallenges(request, email)).find((c) => c.purpose === "recovery");
    expect(recovery?.consumedAt).not.toBeNull();

    await page.getByLabel("New password", { exact: true }).fill("password123");
    await page.getByLabel("Re-enter new password").fill("password123");
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(formAlerts(page)).toHaveText([/too easy to guess|most commonly used|similar to a commonly used/]);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(newPassword);
    await page.getByRole("button", { name: "Reset password" }).click();

    await expect(page.getByRole("heading", { name: "Your password was reset" })).toBeVisible();
    const newKey = (await page.getByTestId("new-recovery-key").innerText()).trim();
    expect(newKey).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect(newKey).not.toBe(recoveryKey);
    await expectAccessible(page);
    await page.getByLabel("Re-enter the key to confirm you saved it").fill(recoveryKey);
    await page.getByRole("button", { name: "Confirm key" }).click();
    await expect(formAlerts(page)).toHaveText(["That doesn't match the key shown above."]);
    await page.getByLabel("Re-enter the key to confirm you saved it").fill(newKey);
    await page.getByRole("button", { name: "Confirm key" }).click();
    await expect(page.getByText("Recovery Key confirmed. Keep it safe.")).toBeVisible();
    // A reload finds the reset done, and says so, rather than that the attempt ended.
    await page.reload();
    await expect(page.getByText("Your password has been reset. Sign in with your new password; the new Recovery Key you were shown replaces the old one.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Sign in with your new password" })).toHaveAttribute("href", "/sign-in");

    // Every session ended; the email and the trusted phone were told; no message carries the new key.
    expect((await dbSessions(request, email)).every((s) => s.revokedAt)).toBe(true);
    await waitForMessage(page.context(), email, /Your Stepwise password was reset/);
    await waitForMessage(page.context(), phone.e164, /password was reset/);
    for (const m of [...(await inbox(page.context(), email)), ...(await inbox(page.context(), phone.e164))]) expect(m).not.toContain(newKey);

    // The old key no longer opens recovery; the new one does.
    await page.goto("/forgot-password");
    await withKey.getByLabel("Email").fill(email);
    await withKey.getByLabel("Recovery Key").fill(recoveryKey);
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(withKey.locator("form > [role=alert]")).toHaveText("The email or Recovery Key is incorrect.");
    await withKey.getByLabel("Recovery Key").fill(newKey);
    await withKey.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/forgot-password\/verify$/);

    // And the new password signs in (2SV still asks for its code).
    await page.goto("/sign-in");
    await submitSignIn(page, email, newPassword);
    await expect(page).toHaveURL(/\/verify/);
    expect((await dbUser(request, email))?.twoStepEnabledAt).not.toBeNull();
  });
});
