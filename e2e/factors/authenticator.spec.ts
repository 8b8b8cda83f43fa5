import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, formAlerts, signOut, signUp, strongPassword, submitSignIn, uniqueEmail } from "../helpers";
import { sendCode, signUpWithTwoStep } from "../recovery/helpers";
import { createAndConfirmKey, startWizard, turnOn } from "../two-step-enable/helpers";
import { expectAccessible } from "../accessibility";
import { addAuthenticatorApp, appCode, dbFactors } from "./helpers";

test("authenticator app: added after a step-up, then used to sign in once per code, and remembered", async ({ page, request }) => {
  test.setTimeout(180_000);
  const account = await signUpWithTwoStep(page, "Tariq Totp");
  await page.goto("/account/security");
  await expect(page.getByTestId("app-status")).toHaveText("Not set up.");
  await page.getByRole("link", { name: "Set up Authenticator app" }).click();

  // Adding a factor is a sensitive change: a texted code first.
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await page.getByLabel("Verification code").fill(await sendCode(page, account.phone.e164));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security\/authenticator$/);
  await expectAccessible(page);

  // A wrong code is refused and nothing is stored as confirmed.
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes = 160 bits in Base32
  await page.getByLabel("Code from the app").fill(String((Number(await appCode(secret)) + 1) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(formAlerts(page)).toHaveText(/That code doesn't match/);
  expect((await dbFactors(request, account.email)).authenticators).toEqual([expect.objectContaining({ confirmedAt: null })]);

  await page.getByLabel("Code from the app").fill(await appCode(secret));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security\?done=authenticator$/);
  await expect(page.getByText("Your authenticator app is set up.")).toBeVisible();
  await expect(page.getByTestId("app-status")).toHaveText(/^Set up on /);
  expect((await dbFactors(request, account.email)).authenticators).toEqual([expect.objectContaining({ confirmedAt: expect.any(String) })]);

  // Sign in: every method is offered; the app's next code (the current one was just used) gets in.
  await signOut(page);
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await expect(page.getByRole("radio", { name: /Text message to/ })).toBeVisible();
  await page.getByRole("radio", { name: /Authenticator app/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  const code = await appCode(secret, 1);
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
  expect((await dbFactors(request, account.email)).lastSecondFactor).toBe("totp");

  // Next time the app comes first; the same code is refused even though it is still on the app's screen.
  await signOut(page);
  await submitSignIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await expect(page.getByRole("radio", { name: /Authenticator app/ })).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(formAlerts(page)).toHaveText("That code was already used. Wait for your app to show a new one.");
  await expect(page).toHaveURL(/\/verify/);
});

test("a country without SMS carriers: the wizard offers an authenticator app as the first factor", async ({ page, request }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail();
  await signUp(page, { name: "Imran Qureshi", email, country: "Pakistan" });
  await startWizard(page);
  await page.getByRole("button", { name: "Skip — use a trusted device instead" }).click();
  await expect(page).toHaveURL(/\/enable\/devices$/);
  await expect(page.getByText("Text messages can't reach phones in Pakistan yet. Start with an authenticator app or a passkey")).toBeVisible();
  await expectAccessible(page);

  const secret = await addAuthenticatorApp(page);
  await expect(page.getByText("Your authenticator app is set up.")).toBeVisible();
  await expect(page.getByTestId("factor-count")).toHaveText("No trusted phone and no trusted device. Also an authenticator app and no passkey.");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await createAndConfirmKey(page);
  // The review names every factor that will work once 2SV is on: phones, devices, the app, passkeys, the key.
  expect(await page.getByRole("term").allInnerTexts()).toEqual(["Trusted phone numbers", "Trusted devices", "Authenticator app", "Passkey or security key", "Recovery Key"]);
  expect(await page.getByRole("definition").allInnerTexts()).toEqual(["None", "None", "Set up", "None", "Saved and confirmed"]);
  await turnOn(page);
  expect((await dbFactors(request, email)).enabledWith).toBe("totp");

  // The app alone gets this account through the second step.
  await signOut(page);
  await submitSignIn(page, email, strongPassword);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await expect(page.getByRole("radio")).toHaveCount(1);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Code from your authenticator app").fill(await appCode(secret, 1));
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
});
