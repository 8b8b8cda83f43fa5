// The three signed-in states the audited pages need, each reached the way a person reaches it: Playwright's
// Chromium fills the real forms of a `next start` instance (SMS_TRANSPORT=dev, so staff codes are read from the
// dev inbox like e2e/admin/helpers.ts does), and the resulting cookies become a Cookie header for Lighthouse.
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { demoPassword, demoStaffPhones } from "@/db/seed-data";

export interface Sessions {
  /** Password accepted, code still owed: /verify. */
  pending: string;
  /** An account holder without 2SV, fully signed in: /account/security. */
  holder: string;
  /** A staff admin (2SV on), password + texted code: /admin. */
  staff: string;
}

const timeout = 60_000; // argon2id on a shared 2-core machine

async function submitPassword(page: Page, base: string, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function readSmsCode(context: BrowserContext, base: string, e164: string) {
  const inbox = await context.newPage();
  try {
    for (let tries = 0; tries < 30; tries++) {
      await inbox.goto(`${base}/dev/inbox?to=${encodeURIComponent(e164)}`);
      const message = inbox.getByRole("article", { name: `SMS to ${e164}` }).first();
      if (await message.count()) {
        const code = (await message.innerText()).match(/\b(\d{6})\b/)?.[1];
        if (code) return code;
      }
      await inbox.waitForTimeout(500);
    }
    throw new Error(`no SMS to ${e164} in the dev inbox`);
  } finally {
    await inbox.close();
  }
}

const cookieHeader = async (context: BrowserContext, base: string) =>
  (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");

export async function signInSessions(base: string, accounts = { pending: "operator@stepwise.test", holder: "ana@example.com", staff: "admin@stepwise.test" }): Promise<Sessions> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const context = () => browser.newContext({ locale: "en-US" });

    const pending = await context();
    const pendingPage = await pending.newPage();
    await submitPassword(pendingPage, base, accounts.pending);
    await pendingPage.waitForURL(/\/verify/, { timeout });

    const holder = await context();
    const holderPage = await holder.newPage();
    await submitPassword(holderPage, base, accounts.holder);
    await holderPage.waitForURL(/\/account$/, { timeout });

    const staff = await context();
    const staffPage = await staff.newPage();
    await submitPassword(staffPage, base, accounts.staff);
    await staffPage.waitForURL(/\/verify/, { timeout });
    const phone = demoStaffPhones[accounts.staff]!.e164;
    await staffPage.getByRole("radio", { name: /Text message to/ }).check();
    await staffPage.getByRole("button", { name: "Send code", exact: true }).click();
    const codeField = staffPage.getByLabel("Verification code");
    await codeField.waitFor({ timeout });
    await codeField.fill(await readSmsCode(staff, base, phone));
    await staffPage.getByRole("button", { name: "Verify", exact: true }).click();
    await staffPage.waitForURL(/\/account$|\/admin$/, { timeout });

    return { pending: await cookieHeader(pending, base), holder: await cookieHeader(holder, base), staff: await cookieHeader(staff, base) };
  } finally {
    await browser.close();
  }
}
