import { expect, test } from "@playwright/test";
import { dbSessions, formAlerts, newContext, signIn, signOut, signUp, strongPassword, uniqueEmail } from "../helpers";
import { answerQuestions, sendCode, setQuestions, signUpWithTwoStep, waitForMessage } from "../recovery/helpers";
import { expectAccessible } from "../accessibility";
import { dbChallenges } from "../two-step-push/helpers";

const newPassword = "Quiet-Harbor-Violet-3318";

test.describe("step-up before a password change", () => {
  test("without 2SV: the security questions confirm it's you, then the password changes and other devices are signed out", async ({ page, browser, request }) => {
    test.slow(); // a whole account lifecycle: sign-up, setup, several argon2id checks
    const email = uniqueEmail();
    await signUp(page, { name: "Quentin Questions", email, country: "France" });
    const other = await newContext(browser);
    const otherPage = await other.newPage();
    await signIn(otherPage, email, strongPassword);

    // No questions yet: the step-up page asks for them first, and comes back.
    await page.goto("/account/password");
    await expect(page).toHaveURL(/\/account\/confirm\?action=password&next=%2Faccount%2Fpassword$/);
    await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
    await expect(page.getByText("You haven't set security questions yet.")).toBeVisible();
    await page.getByRole("link", { name: "Set security questions" }).click();
    await expect(page).toHaveURL(/\/account\/questions\?next=/);
    await setQuestions(page);
    await expect(page).toHaveURL(/\/account\/confirm\?action=password/);
    await expect(page.getByText("Before you change your password, confirm it's you.")).toBeVisible();

    await answerQuestions(page, ["Biscuit", "Wrong Street", "Madame Roux"]);
    await expect(page.locator("main form > [role=alert]")).toHaveText("One or more answers don't match. Check the spelling and try again.");
    await expect(page.getByLabel("What street did you live on as a child?")).toHaveValue("");
    await expectAccessible(page);
    await answerQuestions(page, ["biscuit", " RUE DES LILAS ", "Madame Roux"]);
    await expect(page).toHaveURL(/\/account\/password$/);
    await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();

    // Bad input: field messages, nothing kept, nothing stored.
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(formAlerts(page)).toHaveText(["Enter your current password.", "Enter a new password.", "Enter the new password again."]);
    await page.getByLabel("Current password").fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(formAlerts(page)).toHaveText(["That isn't your current password."]);
    await expect(page.getByLabel("Current password")).toHaveValue("");
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("That isn't your current password.");
    await expectAccessible(page);

    await page.getByLabel("Current password").fill(strongPassword);
    await page.getByLabel("New password", { exact: true }).fill("password123");
    await page.getByLabel("Re-enter new password").fill("password123");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(formAlerts(page)).toHaveText([/too easy to guess|most commonly used|similar to a commonly used/]);

    await page.getByLabel("Current password").fill(strongPassword);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(`${newPassword}x`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(formAlerts(page)).toHaveText(["The two new passwords don't match."]);
    expect((await dbSessions(request, email)).filter((s) => s.revokedAt)).toHaveLength(0);

    await page.getByLabel("Current password").fill(strongPassword);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toBeVisible();

    // The other browser was signed out; this one stays in; the owner got an email.
    const sessions = await dbSessions(request, email);
    expect(sessions.filter((s) => !s.revokedAt)).toHaveLength(1);
    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
    await waitForMessage(page.context(), email, /Your Stepwise password was changed/);

    await signOut(page);
    await page.goto("/sign-in");
    await signIn(page, email, newPassword);
  });

  test("with 2SV: a texted code confirms the password change, and that confirmation covers nothing else", async ({ page, request }) => {
    test.setTimeout(300_000); // sign-up and the whole 2SV wizard before the flow itself; slow on a busy 2-core machine
    const { email, phone } = await signUpWithTwoStep(page, "Sam Stepup");

    await page.goto("/account/password");
    await expect(page).toHaveURL(/\/account\/confirm\?action=password/);
    await expect(page.getByText("Before you change your password, confirm it's you.")).toBeVisible();
    await expect(page.getByRole("radio", { name: /Text message to/ })).toBeChecked();
    const code = await sendCode(page, phone.e164);

    await page.getByLabel("Verification code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.locator("main form [role=alert]")).toContainText("That code isn't right.");
    await page.getByLabel("Verification code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL(/\/account\/password$/);

    const stepUps = (await dbChallenges(request, email)).filter((c) => c.purpose === "step_up");
    expect(stepUps[0]).toMatchObject({ method: "sms", attempts: 1 });
    expect(stepUps[0]!.consumedAt).not.toBeNull();

    await page.getByLabel("Current password").fill(strongPassword);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toBeVisible();

    // Each change needs its own confirmation: the email page asks again.
    await page.goto("/account/profile/email");
    await expect(page).toHaveURL(/\/account\/confirm\?action=email&next=%2Faccount%2Fprofile%2Femail$/);
    await expect(page.getByText("Before you change your email address, confirm it's you.")).toBeVisible();
    // …while the password page, confirmed minutes ago, opens straight away.
    await page.goto("/account/password");
    await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  });
});
