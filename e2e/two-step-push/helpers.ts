import { expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { afterPasswordSubmit, newContext, signUp, strongPassword, submitSignIn, uniqueEmail } from "../helpers";

export const firefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

export interface DbChallenge {
  id: string;
  sessionId: string;
  purpose: string;
  method: "sms" | "device";
  attempts: number;
  hasSealedCode: boolean;
  consumedAt: string | null;
  deniedAt: string | null;
  replacedAt: string | null;
  requestUserAgent: string;
}

export interface DbTrustedDevice {
  id: string;
  label: string;
  receivesCodes: boolean;
  rememberUntil: string | null;
  revokedAt: string | null;
}

export interface DbSessionLevel {
  id: string;
  aal: number;
  upgradedFrom: string | null;
  revokedAt: string | null;
  userAgent: string;
}

async function hook<T>(request: APIRequestContext, query: string, q: string) {
  const response = await request.get(`/api/test/${query}`, { params: { q } });
  expect(response.status(), `test hook ${query}`).toBe(200);
  return (await response.json()) as T;
}

export const dbChallenges = (request: APIRequestContext, email: string) => hook<DbChallenge[]>(request, "challenges", email);
export const dbTrustedDevices = (request: APIRequestContext, email: string) => hook<DbTrustedDevice[]>(request, "trusted-devices", email);
export const dbSessionLevels = (request: APIRequestContext, email: string) => hook<DbSessionLevel[]>(request, "session-levels", email);

/**
 * Browser A: a new US account that turned 2SV on and trusts this browser, fully signed in, on its account page.
 * The enable wizard is another engineer's; the TEST-ONLY seed hook (POST /api/test/enable-two-step) stands in for it.
 */
export async function trustedBrowserA(browser: Browser, name = "Pia Push") {
  const email = uniqueEmail();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signUp(page, { name, email, country: "United States" });
  const seeded = await page.request.post("/api/test/enable-two-step", { params: { q: email } });
  expect(seeded.status()).toBe(200);
  expect(await seeded.json()).toMatchObject({ sessionUpgraded: true });
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  return { email, context, page };
}

/** A 2SV account (trusted browser A, closed again) signed in with its password in a new browser, which owes the code. */
export async function pendingBrowser(browser: Browser, name: string) {
  const { email, context: first } = await trustedBrowserA(browser, name);
  await first.close();
  const context = await newContext(browser);
  const page = await context.newPage();
  await submitSignIn(page, email, strongPassword);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  return { email, context, page };
}

/** Browser B (another browser, Firefox's user agent): right password, then a code pushed to the trusted devices. */
export async function signInWithPushedCode(browser: Browser, email: string) {
  const context = await newContext(browser, { userAgent: firefoxOnLinux });
  const page = await context.newPage();
  await submitSignIn(page, email, strongPassword);
  await expect(page).toHaveURL(/\/verify/);
  await page.getByRole("radio", { name: /Your trusted devices/ }).check();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("We pushed a 6-digit code to your trusted devices.")).toBeVisible();
  return { context, page };
}

/** The pushed-code prompt on a trusted browser. */
export const devicePrompt = (page: Page, name: string | RegExp = /requested/) => page.getByRole("alertdialog", { name });

/** The value a person reads beside a term in the prompt ("Verification code", "Browser", "Location"). */
export const promptValue = (prompt: Locator, term: string) =>
  prompt.locator("dl div:has(> dt)").filter({ has: prompt.page().getByRole("term").getByText(term, { exact: true }) }).getByRole("definition");

export async function readPromptCode(prompt: Locator) {
  const text = (await promptValue(prompt, "Verification code").innerText()).replace(/\s+/g, "");
  expect(text).toMatch(/^\d{6}$/);
  return text;
}
