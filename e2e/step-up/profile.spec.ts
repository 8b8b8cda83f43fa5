import { expect, test } from "@playwright/test";
import { dbUser, formAlerts, signUp, uniqueEmail } from "../helpers";
import { answerQuestions, setQuestions, waitForMessage } from "../recovery/helpers";
import { expectAccessible } from "../accessibility";

test.describe("personal information behind step-up", () => {
  test("name and email each need their own confirmation; the email changes only from the link sent to the new address", async ({ page, request }) => {
    test.slow(); // a whole account lifecycle: sign-up, setup, several argon2id checks
    const email = uniqueEmail();
    await signUp(page, { name: "Nora Name", email, country: "United States" });
    await page.goto("/account/questions?next=%2Faccount%2Fprofile");
    await setQuestions(page);
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expect(page.getByRole("heading", { name: "Personal information" })).toBeVisible();

    await page.getByRole("link", { name: "Change name" }).click();
    await expect(page).toHaveURL(/\/account\/confirm\?action=profile/);
    await answerQuestions(page);
    await expect(page.getByRole("heading", { name: "Change your name" })).toBeVisible();
    await page.getByLabel("Full name").fill("   ");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(formAlerts(page)).toHaveText(["Enter your name."]);
    await page.getByLabel("Full name").fill("Nora Newname");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Your name is now Nora Newname.")).toBeVisible();
    expect((await dbUser(request, email))?.name).toBe("Nora Newname");

    // The name's confirmation does not cover the email.
    await page.goto("/account/profile/email");
    await expect(page).toHaveURL(/\/account\/confirm\?action=email/);
    await answerQuestions(page);
    await expect(page.getByRole("heading", { name: "Change your email address" })).toBeVisible();
    await page.getByLabel("New email address").fill("not-an-email");
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(formAlerts(page)).toHaveText(["Enter an email address like name@example.com."]);
    await expect(page.getByLabel("New email address")).toHaveValue("not-an-email");
    await expectAccessible(page);

    // An address that already has an account gets the same answer on screen as a free one.
    await page.getByLabel("New email address").fill("ana@example.com");
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.getByText("Check ana@example.com: open the link we sent within one hour")).toBeVisible();

    const newEmail = uniqueEmail("moved");
    await page.getByLabel("New email address").fill(newEmail);
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.getByText(`Check ${newEmail}: open the link we sent within one hour`)).toBeVisible();
    expect((await dbUser(request, email))?.email).toBe(email);

    const mail = await waitForMessage(page.context(), newEmail, /Confirm your new Stepwise email address/);
    const link = mail.match(/https?:\/\/\S+(\/account\/profile\/email\/confirm\?token=\S+)/)![1]!;
    await page.goto(link);
    await expect(page.getByText(`From now on, sign in with ${newEmail}.`)).toBeVisible();
    await page.getByRole("button", { name: "Use this address" }).click();
    await expect(page.getByText(`Your email address is now ${newEmail}.`)).toBeVisible();
    expect(await dbUser(request, email)).toBeNull();
    expect((await dbUser(request, newEmail))?.name).toBe("Nora Newname");
    await waitForMessage(page.context(), email, /Your Stepwise email address was changed/);

    // The link worked once.
    await page.goto(link);
    await expect(page.getByText("This link is invalid or has expired, or the change was already made.")).toBeVisible();
  });
});
