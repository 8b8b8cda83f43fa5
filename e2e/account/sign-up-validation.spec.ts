import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, dbUser, formAlerts, submitSignUp, uniqueEmail } from "../helpers";
import { waitForMessage } from "../recovery/helpers";

test.describe("sign-up form errors", () => {
  test("empty name, invalid email, short password and no country each get a field message", async ({ page, request }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email", { exact: true }).fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Country or region").selectOption({ label: "—" });
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(formAlerts(page)).toHaveText([
      "Enter your name.",
      "Enter an email address like name@example.com.",
      "Use at least 8 characters.",
      "Choose your country or region.",
    ], afterPasswordSubmit);
    await expect(page.getByLabel("Full name")).toHaveAccessibleDescription("Enter your name.");
    await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription("Enter an email address like name@example.com.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("Use at least 8 characters.");
    await expect(page.getByLabel("Country or region")).toHaveAccessibleDescription("Choose your country or region.");
    await expect(page.getByText("Check the highlighted fields.")).toBeAttached();

    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("not-an-email");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(page).toHaveURL(/\/sign-up$/);
    expect(await dbUser(request, "not-an-email")).toBeNull();
  });

  test("a commonly used password is refused; name and email are kept and no account is created", async ({ page, request }) => {
    const email = uniqueEmail();
    await submitSignUp(page, { name: "Pat Weak", email, password: "password123", country: "United States" });

    await expect(formAlerts(page)).toHaveText([
      "This is one of the most commonly used passwords. Try a few unrelated words together — longer is stronger.",
    ], afterPasswordSubmit);
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription(/commonly used passwords/);
    await expect(page.getByLabel("Full name")).toHaveValue("Pat Weak");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("Country or region")).toHaveValue("US");
    expect(await dbUser(request, email)).toBeNull();
  });

  test("a name that could pass for someone else's in the audit log (\"Name <address>\") is refused with what to remove", async ({ page, request }) => {
    const email = uniqueEmail();
    await submitSignUp(page, { name: "Alan Approver <approver@stepwise.test>", email, country: "United States" });
    await expect(formAlerts(page)).toHaveText(["Remove the characters a name can't contain: angle brackets and invisible characters."], afterPasswordSubmit);
    await expect(page.getByLabel("Full name")).toHaveValue("Alan Approver <approver@stepwise.test>");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    expect(await dbUser(request, email)).toBeNull();
  });

  test("an email that already has an account gets the same next page as a new one; only its owner learns more, by email", async ({ page, request }) => {
    const before = await dbUser(request, "ana@example.com");
    await submitSignUp(page, { name: "Somebody Else", email: "Ana@Example.com", country: "France" });

    // Nothing on screen says the address is taken: the same "Check your email" page as any sign-up.
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible(afterPasswordSubmit);
    await expect(page.getByText("We sent a 6-digit code to ana@example.com.")).toBeVisible();
    const mail = await waitForMessage(page.context(), "ana@example.com", /Someone tried to create a Stepwise account with your email/);
    expect(mail).not.toMatch(/\b\d{6}\b/);

    // No code finishes it, and the account is as it was.
    await page.getByLabel("Code from the email").fill("123456");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formAlerts(page)).toHaveText(["That code isn't right. You have 4 more tries."]);
    expect(await dbUser(request, "ana@example.com")).toEqual(before);
  });
});
