import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { demoPassword } from "../db/seed-data";

export { demoPassword };

/**
 * For the first check after submitting a password form: argon2id (19 MiB, t=2) runs once or twice per submit and
 * can take several seconds on a loaded 2-core machine, more than the suite's 10 s expect timeout.
 */
export const afterPasswordSubmit = { timeout: 30_000 };

/** A password zxcvbn scores as strong enough, unrelated to any name or email a test uses. */
export const strongPassword = "Lantern-Orbit-Meadow-7421";

/** An email no other test (or earlier run against the same database) has used: slug of the test title + time. */
export function uniqueEmail(label = test.info().title): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
  return `${slug}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** A fresh browser context with the suite's defaults (baseURL, en-US) unless overridden. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US", ...options });
}

export interface NewAccount {
  name: string;
  email: string;
  password?: string;
  /** Visible option text, e.g. "United States"; omitted = keep the form's preselected country. */
  country?: string;
}

/** Fills and submits the sign-up form like a person; does not wait for the outcome. */
export async function submitSignUp(page: Page, account: NewAccount) {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill(account.name);
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password ?? strongPassword);
  if (account.country !== undefined) await page.getByLabel("Country or region").selectOption({ label: account.country });
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The code in the newest SMS or email to `recipient`, read in the dev inbox in another tab, as a person reads it. */
export async function newestCode(context: BrowserContext, kind: "SMS" | "Email", recipient: string) {
  const inbox = await context.newPage();
  try {
    await inbox.goto(`/dev/inbox?to=${encodeURIComponent(recipient)}`);
    const message = inbox.getByRole("article", { name: `${kind} to ${recipient}` }).first();
    await expect(message).toBeVisible();
    // The body only: an address in the header may hold six digits of its own.
    const code = (await message.locator("p").last().innerText()).match(/\b(\d{6})\b/)?.[1];
    expect(code, `a 6-digit code in the newest ${kind} to ${recipient}`).toBeTruthy();
    return code!;
  } finally {
    await inbox.close();
  }
}

export const emailedCode = (context: BrowserContext, email: string) => newestCode(context, "Email", email);

/** On "Check your email": types the code emailed to `email` and creates the account. */
export async function enterSignUpCode(page: Page, email: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible(afterPasswordSubmit);
  await page.getByLabel("Code from the email").fill(await emailedCode(page.context(), email.toLowerCase()));
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Signs up (form, then the emailed code) and waits for the account overview (sign-up signs the new account in). */
export async function signUp(page: Page, account: NewAccount) {
  await submitSignUp(page, account);
  await enterSignUpCode(page, account.email);
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);
  await expect(page.getByRole("heading", { level: 1, name: "Your account", exact: true })).toBeVisible();
}

/** Creates an account in a throwaway browser context, so `page` stays signed out. */
export async function createAccount(browser: Browser, account: NewAccount) {
  const context = await newContext(browser);
  try {
    await signUp(await context.newPage(), account);
  } finally {
    await context.close();
  }
}

/** Fills and submits the sign-in form; does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string) {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in and waits to land on `landing` (the account overview by default). */
export async function signIn(page: Page, email: string, password: string, landing: RegExp = /\/account$/) {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(landing, afterPasswordSubmit);
}

export async function signOut(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
}

/** Field messages and notices of the page's form (never Next's route announcer, which is also role=alert). */
export const formAlerts = (page: Page) => page.locator("main form [role=alert]");

/** The sign-in form's notice (wrong password, throttled). */
export const signInNotice = (page: Page) => page.locator("main form > [role=alert]");

/** The value shown beside a term in the account's Profile list. */
export const profileValue = (page: Page, term: string) =>
  page.locator("dl > div").filter({ has: page.getByRole("term").getByText(term, { exact: true }) }).getByRole("definition");

// --- Database checks through the e2e server's read-only test hooks (app/api/test/[query]/route.ts) ---

export async function hook<T>(request: APIRequestContext, query: string, q: string): Promise<T> {
  const response = await request.get(`/api/test/${query}`, { params: { q } });
  expect(response.status(), `test hook ${query} (is STEPWISE_TEST_HOOKS=1 set?)`).toBe(200);
  return (await response.json()) as T;
}

export interface DbUser {
  id: string;
  email: string;
  name: string;
  countryCode: string;
  role: "user" | "viewer" | "operator" | "admin";
  twoStepEnabledAt: string | null;
  /** The account's language (issue 8): set at sign-up and by the language switcher. */
  locale: string | null;
}

export interface DbSession {
  id: string;
  revokedAt: string | null;
  userAgent: string;
  createdAt: string;
}

export interface DbRateLimit {
  key: string;
  hits: number;
  resetAt: string;
}

export const dbUser = (request: APIRequestContext, email: string) => hook<DbUser | null>(request, "user", email);
export const dbSessions = (request: APIRequestContext, email: string) => hook<DbSession[]>(request, "sessions", email);
export const dbRateLimit = (request: APIRequestContext, key: string) => hook<DbRateLimit | null>(request, "rate-limit", key);

/** Sessions opened since `before` was taken (ids not in it). */
export async function newSessions(request: APIRequestContext, email: string, before: DbSession[]) {
  const known = new Set(before.map((s) => s.id));
  return (await dbSessions(request, email)).filter((s) => !known.has(s.id));
}

/** Submits the sign-in form and returns the server action's HTTP response (a POST to /sign-in). */
export async function postSignIn(page: Page, email: string, password: string) {
  const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
  await submitSignIn(page, email, password);
  return response;
}

/**
 * Clicks `send` until `sent` shows. The e2e servers' resend cooldown is 2 s (CODE_RESEND_COOLDOWN_SECONDS): a quick
 * hand right after another code is shown `wait` instead, and waits and clicks again as a person would.
 */
export async function sendPastCooldown(send: Locator, sent: Locator, wait: Locator) {
  await send.click();
  await expect(sent.or(wait)).toBeVisible();
  if (await wait.isVisible()) {
    await send.page().waitForTimeout(2_500);
    await send.click();
  }
  await expect(sent).toBeVisible();
}

/**
 * Holds every script of the pages that follow until released, as a slow network does: the server-rendered page shows
 * and can be used, and React hydrates only after `release()`.
 */
export async function holdScripts(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    // Stylesheets live there too, and block rendering: only scripts wait.
    if (route.request().resourceType() === "script") await released;
    await route.continue();
  });
  return release;
}
