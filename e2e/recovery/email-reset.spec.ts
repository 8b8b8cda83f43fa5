import { expect, test } from "@playwright/test";
import { formAlerts, signIn, signOut, signUp, strongPassword, uniqueEmail } from "../helpers";
import { questions, setQuestions, waitForMessage } from "./helpers";
import { expectAccessible } from "../accessibility";

const newPassword = "Quiet-Harbor-Violet-3318";

test.describe("forgot password without 2SV", () => {
  test("an emailed link plus the security questions set a new password; the link works once", async ({ page }) => {
    test.slow(); // a whole account lifecycle: sign-up, setup, several argon2id checks
    const email = uniqueEmail();
    await signUp(page, { name: "Elsa Email", email, country: "France" });
    await page.goto("/account/questions?next=%2Faccount");
    await setQuestions(page);
    await expect(page).toHaveURL(/\/account$/);
    await signOut(page);

    await page.goto("/forgot-password");
    const byEmail = page.getByRole("region", { name: "I don't use two-step verification" });
    await byEmail.getByLabel("Email").fill("someone-else@example.org");
    await byEmail.getByRole("button", { name: "Email me a link" }).click();
    await expect(byEmail.getByText("If someone-else@example.org belongs to a Stepwise account, we've sent it instructions.")).toBeVisible();
    await byEmail.getByLabel("Email").fill(email);
    await byEmail.getByRole("button", { name: "Email me a link" }).click();
    await expect(byEmail.getByText(`If ${email} belongs to a Stepwise account, we've sent it instructions.`)).toBeVisible();

    const mail = await waitForMessage(page.context(), email, /Reset your Stepwise password/);
    // The link leads back to this server (APP_URL), not to another port.
    const [whole, link] = mail.match(/https?:\/\/\S+(\/reset\?token=\S+)/)!;
    expect(whole.startsWith(`${new URL(page.url()).origin}/reset?token=`)).toBe(true);
    await page.goto(link!);
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();

    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(formAlerts(page)).toHaveText(["Enter your answer.", "Enter your answer.", "Enter your answer.", "Enter a new password.", "Enter the new password again."]);
    await expectAccessible(page);

    for (const q of questions) await page.getByLabel(q.question).fill(q.answer);
    await page.getByLabel(questions[0]!.question).fill("Not my pet");
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(newPassword);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.locator("main form > [role=alert]")).toHaveText("One or more answers don't match. Check the spelling and try again.");
    await expect(page.getByLabel(questions[1]!.question)).toHaveValue("");

    for (const q of questions) await page.getByLabel(q.question).fill(q.answer);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Re-enter new password").fill(newPassword);
    await page.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByText("Your password was reset and every device was signed out.")).toBeVisible();
    await waitForMessage(page.context(), email, /Your Stepwise password was reset/);

    await page.goto(link!);
    await expect(page.getByText("This link is invalid or has expired, or it was already used.")).toBeVisible();

    await page.goto("/sign-in");
    await signIn(page, email, newPassword);
    await signOut(page);
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(strongPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("main form > [role=alert]")).toHaveText("The email or password is incorrect.");
  });
});
