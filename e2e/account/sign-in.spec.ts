import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, dbSessions, demoPassword, formAlerts, newSessions, profileValue, signIn, signOut } from "../helpers";

const ana = "ana@example.com";

test.describe("sign in and out", () => {
  test("the demo account signs in, signs out and signs in again with a new session", async ({ page, context, request }) => {
    test.slow();
    const before = await dbSessions(request, ana);
    await signIn(page, ana, demoPassword);
    await expect(profileValue(page, "Name")).toHaveText("Ana Ramirez");
    const [first, ...extra] = await newSessions(request, ana, before);
    expect(extra).toHaveLength(0);
    expect(first!.revokedAt).toBeNull();
    const firstCookie = (await context.cookies()).find((c) => c.name.includes("session-token"))?.value;
    expect(firstCookie).toBeTruthy();

    await signOut(page);
    await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect.poll(async () => (await dbSessions(request, ana)).find((s) => s.id === first!.id)?.revokedAt).not.toBeNull();

    // Signed out really means signed out: the account page sends us back to sign in.
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);

    await signIn(page, ana, demoPassword);
    await expect(page.getByText("Hello, Ana Ramirez")).toBeVisible();
    const opened = await newSessions(request, ana, before);
    expect(opened).toHaveLength(2);
    const second = opened.find((s) => s.id !== first!.id)!;
    expect(second.id).not.toBe(first!.id);
    expect(second.revokedAt).toBeNull();
    const secondCookie = (await context.cookies()).find((c) => c.name.includes("session-token"))?.value;
    expect(secondCookie).toBeTruthy();
    expect(secondCookie).not.toBe(firstCookie);
  });

  test("a protected page sends a signed-out visitor to sign in and back again", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await signIn(page, "chloe@example.fr", demoPassword);
    await expect(profileValue(page, "Country or region")).toHaveText("France");
  });

  test("Auth.js's own error address lands on the sign-in form with a plain message, not a developer's code", async ({ page }) => {
    await page.goto("/api/auth/error?error=Configuration");
    await expect(page).toHaveURL(/\/sign-in\?error=Configuration$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That sign-in didn't go through. Please try again.");
    await expect(page.getByText("Configuration")).toHaveCount(0);
    await signIn(page, "chloe@example.fr", demoPassword);
    await expect(profileValue(page, "Country or region")).toHaveText("France");
  });

  test("empty fields get field messages and no sign-in is attempted", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(formAlerts(page)).toHaveText(["Enter your email address.", "Enter your password."], afterPasswordSubmit);
    await expect(page.getByLabel("Email", { exact: true })).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("Enter your password.");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
