import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { newestCode, strongPassword } from "../helpers";

export interface DbEnrollment {
  twoStepEnabledAt: string | null;
  passwordChangedAt: string | null;
  enrollment: { step: string; hasPendingKey: boolean } | null;
  questionCount: number;
  phones: { e164: string; countryCode: string; verifiedAt: string | null; removedAt: string | null }[];
  devices: string[];
  recoveryKey: { confirmedAt: string | null; argon2: boolean } | null;
  events: string[];
}

export async function dbEnrollment(request: APIRequestContext, email: string) {
  const response = await request.get("/api/test/enrollment", { params: { q: email } });
  expect(response.status(), "test hook enrollment (is STEPWISE_TEST_HOOKS=1 set?)").toBe(200);
  return (await response.json()) as DbEnrollment;
}

/** Opens the dev inbox in a new tab of the same browser, like a person checking their phone, and reads the code. */
export const readSmsCode = (context: BrowserContext, e164: string) => newestCode(context, "SMS", e164);

/** The newest email to `email` in the dev inbox. */
export async function latestEmail(context: BrowserContext, email: string) {
  const inbox = await context.newPage();
  try {
    await inbox.goto(`/dev/inbox?to=${encodeURIComponent(email)}`);
    const message = inbox.getByRole("article", { name: `Email to ${email}` }).first();
    await expect(message).toBeVisible();
    return await message.innerText();
  } finally {
    await inbox.close();
  }
}

export const progress = (page: Page) => page.getByRole("navigation", { name: "Setup progress" });

/** Security page → "Turn on two-step verification" → re-enter the password: lands on the phone step. */
export async function startWizard(page: Page) {
  await page.goto("/account/security");
  await page.getByRole("link", { name: "Turn on two-step verification" }).click();
  await expect(page).toHaveURL(/\/account\/security\/enable\/explain$/);
  await expect(progress(page).getByText("Step 1 of 5")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(strongPassword);
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(page).toHaveURL(/\/enable\/phone$/);
  await expect(progress(page).getByText("Step 2 of 5")).toBeVisible();
}

/** Key step: create the key, read it off the page, continue, type it back with the box ticked. Returns the key. */
export async function createAndConfirmKey(page: Page) {
  await expect(page).toHaveURL(/\/enable\/key$/);
  await page.getByRole("button", { name: "Create my Recovery Key" }).click();
  const key = (await page.getByTestId("recovery-key").innerText()).trim();
  expect(key).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  await page.getByRole("button", { name: "I've saved my key — continue" }).click();
  await page.getByLabel("Enter your Recovery Key").fill(key.toLowerCase());
  await page.getByRole("checkbox", { name: /I understand that without at least two/ }).check();
  await page.getByRole("button", { name: "Confirm Recovery Key" }).click();
  await expect(page).toHaveURL(/\/enable\/review$/);
  return key;
}

export async function turnOn(page: Page) {
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page).toHaveURL(/\/account\/security\?done=enabled$/);
  await expect(page.getByTestId("two-step-status")).toHaveText("On");
}


/**
 * Clicks "Send code" until a code goes out. Sends to one account are at least 30 s apart (server clock), so a
 * second code right after the first is refused with "Please wait…": wait a little and ask again, like a person.
 */
export async function sendCodeWhenAllowed(page: Page) {
  const codeField = page.getByLabel("Verification code");
  const tooSoon = page.getByText(/Please wait before requesting another code/);
  for (let attempt = 0; attempt < 12; attempt++) {
    if (await codeField.isVisible()) return;
    const path = new URL(page.url()).pathname;
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path);
    await page.getByRole("button", { name: "Send code", exact: true }).click();
    await answered;
    if (await codeField.waitFor({ state: "visible", timeout: 5_000 }).then(() => true, () => false)) return;
    await expect(tooSoon).toBeVisible();
    await page.waitForTimeout(1_000);
  }
  throw new Error("the code was never sent");
}
