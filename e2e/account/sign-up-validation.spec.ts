import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, dbUser, formAlerts, submitSignUp, uniqueEmail } from "../helpers";

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

  test("an email that already has an account is refused without changing that account", async ({ page, request }) => {
    await submitSignUp(page, { name: "Somebody Else", email: "Ana@Example.com", country: "France" });

    await expect(formAlerts(page)).toHaveText(["We couldn't create an account with this email. If it's yours, sign in instead."], afterPasswordSubmit);
    await expect(page.getByLabel("Full name")).toHaveValue("Somebody Else");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    expect(await dbUser(request, "ana@example.com")).toMatchObject({ name: "Ana Ramirez", countryCode: "US" });
  });
});
