import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, dbSessions, dbUser, emailedCode, formAlerts, newContext, profileValue, sendPastCooldown, signUp, strongPassword, submitSignUp, uniqueEmail } from "../helpers";
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
    await expect(page.getByRole("heading", { level: 1, name: msg("fr", "signUp.confirmTitle") })).toBeVisible(afterPasswordSubmit);
    await page.getByLabel(msg("fr", "signUp.code")).fill(await emailedCode(context, email));
    await page.getByRole("button", { name: msg("fr", "signUp.confirmSubmit") }).click();
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

  test("the account is created only when the emailed code comes back; wrong codes are counted, a new code replaces the old", async ({ page, request }) => {
    const email = uniqueEmail();
    await submitSignUp(page, { name: "Cody Confirm", email, country: "Canada" });
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible(afterPasswordSubmit);
    await expect(page.getByText(`We sent a 6-digit code to ${email}.`)).toBeVisible();
    expect(await dbUser(request, email)).toBeNull();
    const first = await emailedCode(page.context(), email);

    await page.getByLabel("Code from the email").fill("12345");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formAlerts(page)).toHaveText(["Enter the 6 digits from the email."]);
    const wrong = first === "000000" ? "111111" : "000000";
    await page.getByLabel("Code from the email").fill(wrong);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(formAlerts(page)).toHaveText(["That code isn't right. You have 4 more tries."]);
    expect(await dbUser(request, email)).toBeNull();

    await sendPastCooldown(
      page.getByRole("button", { name: "Send a new code" }),
      page.getByText("We sent a new code. The previous one no longer works."),
      page.getByText("You can ask for another code in a few seconds."),
    );
    await expect.poll(() => emailedCode(page.context(), email)).not.toBe(first);
    const second = await emailedCode(page.context(), email);
    await page.getByLabel("Code from the email").fill(second);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
    expect(await dbUser(request, email)).toMatchObject({ email, name: "Cody Confirm", countryCode: "CA" });
    expect(await dbSessions(request, email)).toHaveLength(1);
  });

  test("the code page needs the browser that signed up: another browser is sent back to the form", async ({ page, browser }) => {
    const email = uniqueEmail();
    await submitSignUp(page, { name: "Bea Bound", email, country: "United States" });
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible(afterPasswordSubmit);

    const other = await newContext(browser);
    const elsewhere = await other.newPage();
    await elsewhere.goto("/sign-up/confirm");
    await expect(elsewhere).toHaveURL(/\/sign-up\?expired=1$/);
    await expect(elsewhere.getByText("That sign-up expired before it was finished.", { exact: false })).toBeVisible();
    await other.close();
  });

  test("email addresses are stored in lower case and kept unique", async ({ page, request }) => {
    const email = uniqueEmail();
    await signUp(page, { name: "Mixed Case", email: email.toUpperCase(), country: "Ireland" });
    await expect(profileValue(page, "Email")).toHaveText(email);
    expect(await dbUser(request, email)).toMatchObject({ email, countryCode: "IE" });
  });
});
