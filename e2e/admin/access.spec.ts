import { expect, test } from "@playwright/test";
import { dbUser, demoPassword, signIn } from "../helpers";

const adminNav = ["Dashboard", "Regions", "Waves", "Audit", "Staff"];

test.describe("staff console access", () => {
  test("an anonymous visitor is sent to sign in, and back to /admin afterwards", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
    await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toHaveCount(0);

    await signIn(page, "admin@stepwise.test", demoPassword, /\/admin$/);
    await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toBeVisible();
  });

  test("an account holder gets 403 and no staff console", async ({ page, request }) => {
    expect(await dbUser(request, "chloe@example.fr")).toMatchObject({ role: "user" });
    await signIn(page, "chloe@example.fr", demoPassword);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

    for (const path of ["/admin", "/admin/staff"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toHaveCount(0);
    }
  });

  for (const { email, name, role } of [
    { email: "viewer@stepwise.test", name: "Vera Viewer", role: "viewer" },
    { email: "operator@stepwise.test", name: "Omar Operator", role: "operator" },
    { email: "admin@stepwise.test", name: "Ada Admin", role: "admin" },
  ]) {
    test(`staff (${role}) gets in and sees the admin nav and their role`, async ({ page, request }) => {
      expect(await dbUser(request, email)).toMatchObject({ role });
      await signIn(page, email, demoPassword);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
      await expect(page).toHaveURL(/\/admin$/);

      const nav = page.getByRole("navigation", { name: "Admin", exact: true });
      await expect(nav.getByRole("link")).toHaveText(adminNav);
      await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
      await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
      await expect(page.getByTestId("staff-role")).toHaveText(role);

      const response = await page.reload();
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    });
  }
});
