import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, createAccount, dbRateLimit, dbSessions, postSignIn, signIn, signInNotice, strongPassword, uniqueEmail } from "../helpers";

const incorrect = "The email or password is incorrect.";
const throttled = /^Too many attempts\. For your security, try again in 15 minutes\.$/;

test("five wrong passwords lock the account for 15 minutes, even for the right password", async ({ browser, page, request }) => {
  test.slow(); // one sign-up and six sign-in attempts, most spending argon2id time
  const email = uniqueEmail();
  const key = `signin:account:${email}`;
  await createAccount(browser, { name: "Theo Throttle", email, country: "United Kingdom" });
  const sessionsAfterSignUp = await dbSessions(request, email);
  await page.goto("/sign-in");

  for (let attempt = 1; attempt <= 4; attempt++) {
    // Mixed case: the limit is per account, not per spelling of the address.
    const typed = attempt % 2 ? email : email.toUpperCase();
    expect((await postSignIn(page, typed, `wrong-guess-${attempt}`)).status()).toBe(200);
    await expect(signInNotice(page)).toHaveText(incorrect, afterPasswordSubmit);
    await expect.poll(async () => (await dbRateLimit(request, key))?.hits, `hits after attempt ${attempt}`).toBe(attempt);
  }

  // The attempt that reaches the limit already says when to come back.
  await postSignIn(page, email, "wrong-guess-5");
  await expect(signInNotice(page)).toHaveText(throttled, afterPasswordSubmit);
  const row = await dbRateLimit(request, key);
  expect(row?.hits).toBe(5);
  const minutesLeft = (Date.parse(row!.resetAt) - Date.now()) / 60_000;
  expect(minutesLeft).toBeGreaterThan(14);
  expect(minutesLeft).toBeLessThanOrEqual(15);

  // Now even the right password is refused, with the same message, and no session is opened.
  await page.goto("/sign-in");
  await postSignIn(page, email, strongPassword);
  await expect(signInNotice(page)).toHaveText(/^Too many attempts\. For your security, try again in 1[45] minutes\.$/, afterPasswordSubmit);
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  expect(await dbSessions(request, email)).toEqual(sessionsAfterSignUp);
  // Attempts while locked do not extend the lock: it still ends when it first said.
  const after = await dbRateLimit(request, key);
  expect(after?.hits).toBeGreaterThanOrEqual(5);
  expect(after?.resetAt).toBe(row!.resetAt);
});

test("a successful sign-in clears the account's failure count", async ({ browser, page, request }) => {
  const email = uniqueEmail();
  const key = `signin:account:${email}`;
  await createAccount(browser, { name: "Rhea Reset", email, country: "United States" });

  await page.goto("/sign-in");
  await postSignIn(page, email, "wrong-guess-1");
  await expect(signInNotice(page)).toHaveText(incorrect, afterPasswordSubmit);
  await expect.poll(async () => (await dbRateLimit(request, key))?.hits).toBe(1);

  await signIn(page, email, strongPassword);
  expect(await dbRateLimit(request, key)).toBeNull();
});

test("the 100th wrong password in a row locks the address until the password is reset, right password or not", async ({ browser, page, request }) => {
  test.slow(); // one sign-up, three sign-in attempts
  const email = uniqueEmail();
  const key = `signin:failures:${email}`;
  await createAccount(browser, { name: "Lotte Lock", email, country: "United States" });
  const sessionsAfterSignUp = await dbSessions(request, email);
  // Stands in for 99 wrong passwords typed over days, under the 15-minute throttle (test hook).
  expect((await request.post("/api/test/near-password-lock", { params: { q: email } })).status()).toBe(200);

  await page.goto("/sign-in");
  await postSignIn(page, email, "wrong-guess-100");
  const locked = "Too many wrong passwords were tried for this account, so we locked it to keep it safe. Reset your password to unlock it.";
  await expect(signInNotice(page)).toHaveText(locked, afterPasswordSubmit);
  expect((await dbRateLimit(request, key))?.hits).toBe(100);

  await page.goto("/sign-in");
  await postSignIn(page, email, strongPassword);
  await expect(signInNotice(page)).toHaveText(locked, afterPasswordSubmit);
  expect(await dbSessions(request, email)).toEqual(sessionsAfterSignUp);
  await signInNotice(page).getByRole("link", { name: "Reset your password" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});
