import { expect, test } from "@playwright/test";
import { dbUser, demoPassword, signIn } from "../helpers";
import { signInStaff } from "./helpers";

const adminNav = ["Dashboard", "Regions", "Waves", "Audit", "Staff"];
const adminPages = ["/admin", "/admin/regions", "/admin/regions/FR", "/admin/waves", "/admin/waves/new", "/admin/waves/1", "/admin/waves/1/edit", "/admin/audit", "/admin/staff"];

test.describe("staff console access", () => {
  test("an anonymous visitor is sent to sign in, and back to /admin after password and code", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
    await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toHaveCount(0);
    await signInStaff(page, "viewer@stepwise.test");
  });

  test("an account holder gets 403 on every staff page and no staff console", async ({ page, request }) => {
    expect(await dbUser(request, "chloe@example.fr")).toMatchObject({ role: "user" });
    await signIn(page, "chloe@example.fr", demoPassword);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

    for (const path of adminPages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toHaveCount(0);
    }
  });

  test("a viewer asking for an operator's page is told it is their role, and led back to the console", async ({ page }) => {
    await signInStaff(page, "viewer@stepwise.test");
    const response = await page.goto("/admin/waves/new");
    expect(response?.status()).toBe(403);
    await expect(page.getByText("Your role (viewer) doesn't include this.")).toBeVisible();
    await page.getByRole("link", { name: "Back to the console" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toBeVisible();
  });

  for (const { email, name, role } of [
    { email: "viewer@stepwise.test", name: "Vera Viewer", role: "viewer" },
    { email: "operator@stepwise.test", name: "Omar Operator", role: "operator" },
  ]) {
    test(`staff (${role}) signs in with a code, sees the admin nav and their role`, async ({ page, request }) => {
      expect(await dbUser(request, email)).toMatchObject({ role, twoStepEnabledAt: expect.any(String) });
      await signInStaff(page, email);
      const nav = page.getByRole("navigation", { name: "Admin", exact: true });
      await expect(nav.getByRole("link")).toHaveText(adminNav);
      await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
      await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
      await expect(page.getByTestId("staff-role")).toHaveText(role);
      const response = await page.reload();
      expect(response?.status()).toBe(200);
    });
  }
});
