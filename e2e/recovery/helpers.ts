import { expect, type BrowserContext, type Page } from "@playwright/test";
import { sendPastCooldown, signUp, strongPassword, uniqueEmail } from "../helpers";

// Area codes libphonenumber accepts with 555-01xx, the numbers reserved for fiction. 201 and 202 are left to the
// fixed numbers some specs use and to the demo staff's phones (+1 202 555 0190–0193), so a random pick never
// reads someone else's code.
const areaCodes = ["212", "213", "312", "415", "617", "646", "718", "917"];

/** A US mobile number other tests are unlikely to use at the same time. */
export function uniquePhone() {
  const area = areaCodes[Math.floor(Math.random() * areaCodes.length)]!;
  const n = String(Math.floor(Math.random() * 100)).padStart(2, "0");
  return { typed: `(${area}) 555-01${n}`, e164: `+1${area}55501${n}` };
}

/** Messages in the dev inbox to one recipient, newest first (opened in a throwaway tab of the same browser). */
export async function inbox(context: BrowserContext, recipient: string) {
  const page = await context.newPage();
  try {
    await page.goto(`/dev/inbox?to=${encodeURIComponent(recipient)}`);
    return await page.locator("article").allInnerTexts();
  } finally {
    await page.close();
  }
}

/** Waits for a message to `recipient` whose text matches, and returns the newest such message. */
export async function waitForMessage(context: BrowserContext, recipient: string, matching: RegExp) {
  let found: string | undefined;
  await expect
    .poll(async () => {
      found = (await inbox(context, recipient)).find((m) => matching.test(m));
      return !!found;
    }, { message: `a message to ${recipient} matching ${matching}`, timeout: 30_000 })
    .toBe(true);
  return found!;
}

/** The newest 6-digit code texted to a phone (after `countBefore` earlier messages). */
export async function latestCode(context: BrowserContext, e164: string, countBefore: number) {
  let code = "";
  await expect
    .poll(async () => {
      const messages = await inbox(context, e164);
      if (messages.length <= countBefore) return "";
      code = messages[0]!.match(/\b(\d{6})\b/)?.[1] ?? "";
      return code;
    }, { message: `a new code texted to ${e164}`, timeout: 30_000 })
    .toMatch(/^\d{6}$/);
  return code;
}

export const messageCount = async (context: BrowserContext, recipient: string) => (await inbox(context, recipient)).length;

/**
 * Signs up a US account and turns 2SV on through the enable wizard, like a person: password, a trusted phone verified
 * with the texted code, then the Recovery Key (read off the screen, typed back). Returns what a person would keep.
 */
export async function signUpWithTwoStep(page: Page, name = "Rosa Recover") {
  const email = uniqueEmail();
  const phone = uniquePhone();
  await signUp(page, { name, email, country: "United States" });

  await page.goto("/account/security/enable");
  await page.getByLabel("Password", { exact: true }).fill(strongPassword);
  await page.getByRole("button", { name: "Confirm and continue" }).click();

  await expect(page).toHaveURL(/\/enable\/phone/, { timeout: 30_000 });
  await page.getByLabel("Phone number").fill(phone.typed);
  const before = await messageCount(page.context(), phone.e164);
  await page.getByRole("button", { name: "Send code" }).click();
  await page.getByLabel("Verification code").fill(await latestCode(page.context(), phone.e164, before));
  await page.getByRole("button", { name: "Verify number" }).click();
  await expect(page.getByText("is now a trusted number")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/enable\/devices/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/enable\/key/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Create my Recovery Key" }).click();
  const recoveryKey = (await page.getByTestId("recovery-key").innerText()).trim();
  expect(recoveryKey).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  await page.getByRole("button", { name: /I've saved my key/ }).click();
  await page.getByLabel("Enter your Recovery Key").fill(recoveryKey);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Confirm Recovery Key" }).click();

  await expect(page).toHaveURL(/\/enable\/review/, { timeout: 30_000 });
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page).not.toHaveURL(/\/enable\//, { timeout: 30_000 });
  return { email, phone, recoveryKey, password: strongPassword };
}

export const questions = [
  { question: "What was the name of your first pet?", answer: "Biscuit" },
  { question: "What street did you live on as a child?", answer: "Rue des Lilas" },
  { question: "What was the name of your first teacher?", answer: "Madame Roux" },
];

/** On /account/questions, the first time: picks and answers the three questions, confirms the password, saves. */
export async function setQuestions(page: Page, password = strongPassword) {
  for (const [i, q] of questions.entries()) {
    await page.getByLabel(`Security question ${i + 1}`).selectOption({ label: q.question });
    await page.getByLabel(`Answer ${i + 1}`).fill(q.answer);
  }
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Save security questions" }).click();
}

/** On the step-up page of an account without 2SV: answers the three questions. */
export async function answerQuestions(page: Page, answers = questions.map((q) => q.answer)) {
  for (const [i, q] of questions.entries()) await page.getByLabel(q.question).fill(answers[i]!);
  await page.getByRole("button", { name: "Confirm" }).click();
}

/**
 * Clicks "Send code" on a code step and returns the texted code. Codes share a cooldown per account, so right after
 * another code (the wizard's) the page may ask to wait: like a person, wait and send again.
 */
export async function sendCode(page: Page, e164: string) {
  const before = await messageCount(page.context(), e164);
  await sendPastCooldown(page.getByRole("button", { name: "Send code" }), page.getByLabel("Verification code"), page.getByText("Please wait before requesting another code"));
  return latestCode(page.context(), e164, before);
}
