import { expect, test, type Page } from "@playwright/test";
import { afterPasswordSubmit, dbUser, emailedCode, enterSignUpCode, newContext, strongPassword, uniqueEmail } from "../helpers";
import { latestCode, messageCount, uniquePhone } from "../recovery/helpers";
import { firefoxOnLinux, pendingBrowser } from "../two-step-push/helpers";
import { msg } from "./messages";

// Issue 8: account pages in the launch countries' languages. Every control is found by the name the catalog gives
// it in that language, as a person reading that language would.

test("a Japanese browser with no preference gets Japanese on sign-in", async ({ browser }) => {
  const context = await newContext(browser, { locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1, name: msg("ja", "signIn.title") })).toBeVisible();
  await expect(page.getByLabel(msg("ja", "signIn.email"), { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: msg("ja", "signIn.submit"), exact: true })).toBeVisible();
  await context.close();
});

/** Sign-up in French, from a French browser: the account keeps French. */
async function signUpInFrench(page: Page, email: string) {
  await page.goto("/sign-up");
  await page.getByLabel(msg("fr", "signUp.name")).fill("Camille Martin");
  await page.getByLabel(msg("fr", "signUp.email"), { exact: true }).fill(email);
  await page.getByLabel(msg("fr", "signUp.password"), { exact: true }).fill(strongPassword);
  await page.getByLabel(msg("fr", "signUp.country")).selectOption("US");
  await page.getByRole("button", { name: msg("fr", "signUp.submit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: msg("fr", "signUp.confirmTitle") })).toBeVisible(afterPasswordSubmit);
  await page.getByLabel(msg("fr", "signUp.code")).fill(await emailedCode(page.context(), email));
  await page.getByRole("button", { name: msg("fr", "signUp.confirmSubmit") }).click();
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
  await expect(page.getByRole("heading", { level: 1, name: msg("fr", "account.title") })).toBeVisible();
}

test("a French account sees the enable wizard and the recovery-key warning in French, and its code texted in French", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail();
  const { typed, e164 } = uniquePhone();
  const context = await newContext(browser, { locale: "fr-FR" });
  const page = await context.newPage();
  await signUpInFrench(page, email);
  expect((await dbUser(request, email))?.locale).toBe("fr");

  await page.goto("/account/security");
  await page.getByRole("link", { name: msg("fr", "security.turnOn") }).click();
  await expect(page.getByText(msg("fr", "enrollment.explain.lead"))).toBeVisible();
  await page.getByLabel(msg("fr", "enrollment.explain.password"), { exact: true }).fill(strongPassword);
  await page.getByRole("button", { name: msg("fr", "enrollment.explain.submit") }).click();
  await expect(page).toHaveURL(/\/enable\/phone$/);

  // The enrolment code arrives in French in the dev inbox. Counting first: the click does not wait for the send, and
  // a random test number may already hold another test's text.
  await page.getByLabel(msg("fr", "phoneForm.number")).fill(typed);
  const before = await messageCount(context, e164);
  await page.getByRole("button", { name: msg("fr", "phoneForm.send") }).click();
  const code = await latestCode(context, e164, before);
  const inbox = await context.newPage();
  await inbox.goto(`/dev/inbox?to=${encodeURIComponent(e164)}`);
  await expect(inbox.getByRole("article").first()).toContainText(msg("fr", "sms.code", { code }));
  await inbox.close();
  await page.getByLabel(msg("fr", "phoneForm.code")).fill(code);
  await page.getByRole("button", { name: msg("fr", "phoneForm.verify") }).click();
  await page.getByRole("button", { name: msg("fr", "enrollment.continue"), exact: true }).click();
  await page.getByRole("button", { name: msg("fr", "enrollment.continue"), exact: true }).click();

  // The recovery-key step: the warning a person must understand before turning 2SV on.
  await expect(page).toHaveURL(/\/enable\/key$/);
  await expect(page.getByText(msg("fr", "enrollment.key.lead"))).toBeVisible();
  await page.getByRole("button", { name: msg("fr", "enrollment.key.create") }).click();
  await expect(page.getByText(msg("fr", "recoveryKey.showOnce"))).toBeVisible();
  await page.getByRole("button", { name: msg("fr", "recoveryKey.saved") }).click();
  await expect(page.getByRole("checkbox", { name: msg("fr", "recoveryKey.understand") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});

test("the language chosen with the switcher stays with the account after signing out and in elsewhere", async ({ browser, request }) => {
  const email = uniqueEmail();
  const first = await newContext(browser);
  const page = await first.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Lena Weber");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(strongPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await enterSignUpCode(page, email);
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);

  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: msg("de", "account.title") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  expect((await dbUser(request, email))?.locale).toBe("de");
  await page.getByRole("navigation", { name: msg("de", "common.mainNavigation") }).getByRole("button", { name: msg("de", "common.signOut") }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await first.close();

  // Another browser that asks for English: once signed in, the account's German wins, down to how browsers are named.
  const second = await newContext(browser, { locale: "en-US", userAgent: firefoxOnLinux });
  const again = await second.newPage();
  await again.goto("/sign-in");
  await expect(again.getByRole("heading", { level: 1, name: msg("en", "signIn.title") })).toBeVisible();
  await again.getByLabel("Email", { exact: true }).fill(email);
  await again.getByLabel("Password", { exact: true }).fill(strongPassword);
  await again.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(again).toHaveURL(/\/account$/, afterPasswordSubmit);
  await expect(again.getByRole("heading", { level: 1, name: msg("de", "account.title") })).toBeVisible();
  const thisBrowser = msg("de", "devices.browserOnSystem", { browser: "Firefox 128", system: "Linux" });
  await expect(again.getByText(thisBrowser, { exact: true }).first()).toBeVisible();
  await second.close();
});

test("times are shown in the browser's time zone once the page has told the server", async ({ browser }) => {
  const context = await newContext(browser, { locale: "en-US", timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  await page.goto("/sign-up");
  const email = uniqueEmail();
  await page.getByLabel("Full name").fill("Kenji Sato");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(strongPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await enterSignUpCode(page, email);
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === "tz")?.value).toBe(encodeURIComponent("Asia/Tokyo"));

  // The next page is rendered in Tokyo time (UTC+9): the sign-in just now, as the account page writes it.
  await page.reload();
  const inZone = (timeZone: string) =>
    [-60_000, 0, 60_000].map((shift) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(Date.now() + shift));
  const shown = await page.getByText(/Signed in /).first().textContent();
  expect(inZone("Asia/Tokyo").some((time) => shown?.includes(`Signed in ${time}`)), shown ?? "").toBe(true);
  expect(inZone("UTC").some((time) => shown?.includes(`Signed in ${time}`)), shown ?? "").toBe(false);
  await context.close();
});

test("a browser that still owes its code changes only its own language, not the account's (its security emails')", async ({ browser, request }) => {
  const { email, context, page } = await pendingBrowser(browser, "Petra Pending");
  const before = (await dbUser(request, email))?.locale;
  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveURL(/\/verify/);
  expect((await dbUser(request, email))?.locale).toBe(before);
  await context.close();
});
