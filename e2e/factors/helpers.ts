import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { hook } from "../helpers";

export interface DbFactors {
  lastSecondFactor: string | null;
  authenticators: { confirmedAt: string | null; lastUsedAt: string | null }[];
  backupCodesLeft: number;
  appPasswords: { label: string; lastUsedAt: string | null; revokedAt: string | null }[];
  enabledWith: string | null;
}

export const dbFactors = (request: APIRequestContext, email: string) => hook<DbFactors>(request, "factors", email);

/**
 * What the person's authenticator app shows `offsetSteps` 30-second steps from now. A code is accepted once, so a
 * flow that needs two codes within one step takes the next step's code (still inside the ±1 window).
 */
export const appCode = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** On the security settings page, sets up the authenticator app (step-up already done); returns the secret. */
export async function addAuthenticatorApp(page: Page, startLabel = "Set up authenticator app") {
  await page.getByRole("button", { name: startLabel }).click();
  await expect(page.getByRole("img", { name: "QR code to add Stepwise to your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(await appCode(secret));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  return secret;
}
