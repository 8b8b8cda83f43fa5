import { expect, test, type Page } from "@playwright/test";
import { dbUser, signUp, uniqueEmail } from "../helpers";

const checkup = (page: Page) => page.getByRole("region", { name: "Security checkup" });
const check = (page: Page, title: string) =>
  checkup(page).getByRole("list", { name: "Security checks" }).getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });

test.describe("'Is your account secure?' checkup", () => {
  test("a new account sees what is missing, each with a one-click fix", async ({ page }) => {
    await signUp(page, { name: "Cai Checkup", email: uniqueEmail(), country: "United States" });
    await expect(checkup(page)).toBeVisible();
    await expect(checkup(page)).toContainText("Is your account secure?");
    await expect(checkup(page).getByTestId("checkup-score")).toHaveText("0 of 3 checks passed");

    await expect(check(page, "Two-step verification is off").getByRole("link", { name: "Turn on two-step verification" })).toHaveAttribute("href", "/account/security/enable");
    await expect(check(page, "No confirmed Recovery Key").getByRole("link", { name: "Get a Recovery Key" })).toHaveAttribute("href", "/account/security/enable");
    await expect(check(page, "No way to confirm it's you").getByRole("link", { name: "Add a method" })).toHaveAttribute("href", "/account/security/enable");
    await expect(check(page, "No way to confirm it's you")).toContainText("Turning on two-step verification adds your first: a trusted phone or device.");

    // Recent sign-ins: this very sign-up, with its browser and address.
    const signIns = checkup(page).getByRole("list", { name: "Recent sign-ins" }).getByRole("listitem");
    await expect(signIns).toHaveCount(1);
    await expect(signIns.first()).toContainText(/Chrome \d+ on Windows 10/);
    await expect(signIns.first()).toContainText(/Unknown location \(/);
    await expect(signIns.first()).toContainText("This device");
    await checkup(page).getByRole("link", { name: "Review signed-in devices" }).click();
    await expect(page).toHaveURL(/#signed-in-devices$/);
    await expect(page.getByRole("heading", { name: "Signed-in devices" })).toBeInViewport();

    // The existing overview is intact.
    await expect(page.getByTestId("two-step-badge")).toHaveText("Available");
    await expect(page.getByText("No other devices are signed in.")).toBeVisible();

    await check(page, "Two-step verification is off").getByRole("link", { name: "Turn on two-step verification" }).click();
    await expect(page).toHaveURL(/\/account\/security\/enable/);
  });

  test("the overview links to the security settings", async ({ page }) => {
    await signUp(page, { name: "Sol Settings", email: uniqueEmail(), country: "United Kingdom" });
    await page.getByRole("link", { name: "Security settings" }).click();
    await expect(page).toHaveURL(/\/account\/security$/);
  });

  test("where 2SV has not launched, the checkup says so instead of offering fixes", async ({ page }) => {
    await signUp(page, { name: "Chloé Checkup", email: uniqueEmail(), country: "France" });
    await expect(check(page, "Two-step verification isn't available in France yet").getByRole("link", { name: "See when it's coming" })).toHaveAttribute(
      "href",
      "/account/security",
    );
    await expect(checkup(page).getByRole("link", { name: "Turn on two-step verification" })).toHaveCount(0);
    // No score for checks nobody in France can pass yet.
    await expect(checkup(page).getByTestId("checkup-score")).toHaveCount(0);
  });

  test("with 2SV on and one trusted browser, the next fixes are the recovery key and a second device", async ({ page, request }) => {
    const email = uniqueEmail();
    await signUp(page, { name: "Ines Improving", email, country: "Ireland" });
    // TEST-ONLY seed (stands in for the enable wizard): 2SV on, this browser trusted, this session full.
    expect((await page.request.post("/api/test/enable-two-step", { params: { q: email } })).status()).toBe(200);
    expect((await dbUser(request, email))?.twoStepEnabledAt).not.toBeNull();
    await page.goto("/account");

    await expect(checkup(page).getByTestId("checkup-score")).toHaveText("1 of 3 checks passed");
    await expect(check(page, "Two-step verification is on")).toHaveAttribute("data-status", "ok");
    await expect(check(page, "Two-step verification is on").getByRole("link")).toHaveCount(0);
    await expect(check(page, "No confirmed Recovery Key").getByRole("link", { name: "Get a Recovery Key" })).toHaveAttribute("href", "/account/recovery-key");
    await expect(check(page, "Only one way to confirm it's you").getByRole("link", { name: "Add a second method" })).toHaveAttribute("href", "/account/security");
    await expect(page.getByTestId("two-step-badge")).toHaveText("On");
  });
});
