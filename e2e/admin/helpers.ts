import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { demoStaffPhones } from "../../db/seed-data";
import { demoPassword, hook, submitSignIn } from "../helpers";
import { readSmsCode, sendCodeWhenAllowed } from "../two-step-enable/helpers";

/**
 * Answers the code prompt on the current page (/verify or /admin/confirm) with a text to the staff member's
 * trusted phone, read from the dev inbox like a person reads their phone.
 */
export async function answerCodeBySms(page: Page, email: string, submit: "Verify" | "Confirm") {
  const phone = demoStaffPhones[email]!.e164;
  await page.getByRole("radio", { name: /Text message to/ }).check();
  await sendCodeWhenAllowed(page);
  await page.getByLabel("Verification code").fill(await readSmsCode(page.context(), phone));
  await page.getByRole("button", { name: submit, exact: true }).click();
}

/** Demo staff have 2SV: password, then a texted code, then the console. */
export async function signInStaff(page: Page, email: string, path = "/admin") {
  await page.goto(path);
  await submitSignIn(page, email, demoPassword);
  await expect(page).toHaveURL(/\/verify/, { timeout: 30_000 });
  await answerCodeBySms(page, email, "Verify");
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`), { timeout: 30_000 });
  await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toBeVisible();
}

/** Launch, approve, pause and role changes: follow "Confirm it's you", answer a texted code, come back. */
export async function confirmItsYou(page: Page, email: string) {
  const back = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Confirm it's you" }).first().click();
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  // Asked inside the console, which stays in view.
  await expect(page).toHaveURL(/\/admin\/confirm\?/);
  await expect(page.getByRole("navigation", { name: "Admin", exact: true })).toBeVisible();
  await answerCodeBySms(page, email, "Confirm");
  await expect(page).toHaveURL(new RegExp(`${back}$`), { timeout: 30_000 });
  // Back on the page, which says the confirmation took and for how long.
  await expect(page.getByText(/^Confirmed: changes here need no further code until \d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} UTC\.$/)).toBeVisible();
}

// --- Database checks through the e2e server's test hooks ---

export interface DbWave {
  id: number;
  name: string;
  status: string;
  startsAt: string | null;
  requestedBy: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  pausedAt: string | null;
}

export interface DbAudit {
  id: number;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  countryCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

export const dbWave = (request: APIRequestContext, name: string) => hook<DbWave | null>(request, "wave", name);
export const dbAudit = (request: APIRequestContext, action = "") => hook<DbAudit[]>(request, "audit", action);
export const dbCountryPause = (request: APIRequestContext, code: string) => hook<{ reason: string; source: string } | null>(request, "country-pause", code);
