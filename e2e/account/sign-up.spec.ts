import { expect, test } from "@playwright/test";
import { dbSessions, dbUser, newContext, profileValue, signUp, uniqueEmail } from "../helpers";

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

  test("a sign-up from a French browser gets France preselected and sees 2-step verification as planned", async ({ browser, request }) => {
    const context = await newContext(browser, { locale: "fr-FR" });
    const page = await context.newPage();
    const email = uniqueEmail();

    await page.goto("/sign-up");
    await expect(page.getByLabel("Country or region")).toHaveValue("FR");
    await signUp(page, { name: "Camille Exemple", email }); // country left as preselected

    await expect(profileValue(page, "Country or region")).toHaveText("France");
    await expect(page.getByTestId("two-step-badge")).toHaveText("Not available yet");
    await expect(page.getByTestId("two-step-availability")).toHaveText("Planned for France; no date yet.");
    expect(await dbUser(request, email)).toMatchObject({ name: "Camille Exemple", countryCode: "FR" });
    await context.close();
  });

  test("the country select defaults from the browser locale", async ({ browser }) => {
    for (const [locale, code, name] of [
      ["en-US", "US", "United States"],
      ["fr-FR", "FR", "France"],
      ["en-GB", "GB", "United Kingdom"],
    ] as const) {
      const context = await newContext(browser, { locale });
      const page = await context.newPage();
      await page.goto("/sign-up");
      const country = page.getByLabel("Country or region");
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
