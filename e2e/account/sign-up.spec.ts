import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, dbSessions, dbUser, newContext, profileValue, signUp, strongPassword, uniqueEmail } from "../helpers";
import { msg } from "../i18n/messages";

test.describe("sign up", () => {
  test("a US sign-up sees its profile and that 2-step verification is available since March 21, 2013", async ({ page, request }) => {
    const email = uniqueEmail();
    await signUp(page, { name: "Ursula Example", email, country: "United States" });

    await expect(page.getByText("Hello, Ursula Example")).toBeVisible();
    await expect(profileValue(page, "Name")).toHaveText("Ursula Example");
    await expect(profileValue(page, "Email")).toHaveText(email);
    await expect(profileValue(page, "Country or region")).toHaveText("United States");
    await expect(page.getByTestId("two-step-badge")).toHaveText("Available");
    await expect(page.getByTestId("two-step-availability")).toHaveText("Available in United States since March 21, 2013.");

    const user = await dbUser(request, email);
    expect(user).toMatchObject({ email, name: "Ursula Example", countryCode: "US", role: "user", twoStepEnabledAt: null });
    // Sign-up signs the new account in: exactly one live session.
    const sessions = await dbSessions(request, email);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.revokedAt).toBeNull();
  });

  test("a sign-up from a French browser gets France preselected, the page in French, and 2-step verification as planned", async ({ browser, request }) => {
    const context = await newContext(browser, { locale: "fr-FR" });
    const page = await context.newPage();
    const email = uniqueEmail();

    await page.goto("/sign-up");
    await expect(page.getByLabel(msg("fr", "signUp.country"))).toHaveValue("FR");
    await page.getByLabel(msg("fr", "signUp.name")).fill("Camille Exemple");
    await page.getByLabel(msg("fr", "signUp.email"), { exact: true }).fill(email);
    await page.getByLabel(msg("fr", "signUp.password"), { exact: true }).fill(strongPassword);
    await page.getByRole("button", { name: msg("fr", "signUp.submit") }).click(); // country left as preselected
    await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);

    await expect(profileValue(page, msg("fr", "account.country"))).toHaveText("France");
    await expect(page.getByTestId("two-step-badge")).toHaveText(msg("fr", "account.statusNotYet"));
    await expect(page.getByTestId("two-step-availability")).toHaveText(msg("fr", "account.twoStepPlanned", { country: "France" }));
    expect(await dbUser(request, email)).toMatchObject({ name: "Camille Exemple", countryCode: "FR", locale: "fr" });
    await context.close();
  });

  test("the country select defaults from the browser locale, its names in the page's language", async ({ browser }) => {
    for (const [locale, language, code, name] of [
      ["en-US", "en", "US", "United States"],
      ["fr-FR", "fr", "FR", "France"],
      ["en-GB", "en", "GB", "United Kingdom"],
      ["de-AT", "de", "AT", "Österreich"],
    ] as const) {
      const context = await newContext(browser, { locale });
      const page = await context.newPage();
      await page.goto("/sign-up");
      const country = page.getByLabel(msg(language, "signUp.country"));
      await expect(country, locale).toHaveValue(code);
      await expect(country.locator("option:checked"), locale).toHaveText(name);
      await context.close();
    }
  });

  test("email addresses are stored in lower case and kept unique", async ({ page, request }) => {
    const email = uniqueEmail();
    await signUp(page, { name: "Mixed Case", email: email.toUpperCase(), country: "Ireland" });
    await expect(profileValue(page, "Email")).toHaveText(email);
    expect(await dbUser(request, email)).toMatchObject({ email, countryCode: "IE" });
  });
});
