import { afterPasswordSubmit, createAccount, dbRateLimit, dbSessions, formAlerts, newContext, postSignIn, signInNotice, strongPassword, uniqueEmail } from "../helpers";
import { dbChallenges, dbSessionLevels, devicePrompt, readPromptCode, signInWithPushedCode, trustedBrowserA } from "../two-step-push/helpers";
import { expect, instanceA, instanceB, routePostsTo, test } from "./instances";

// Two `next start` instances, one PostgreSQL: the counters that protect an account live in the database, so spreading
// attempts over both instances buys an attacker nothing. Each attempt here goes to an instance the test names.

test.describe.configure({ timeout: 180_000 });

const incorrect = "The email or password is incorrect.";
const throttled = /^Too many attempts\. For your security, try again in 1[45] minutes\.$/;

test("wrong passwords alternating between instance A and B lock the account on both after five", async ({ browser, request, onA, onB }) => {
  const email = uniqueEmail();
  const key = `signin:account:${email}`;
  await createAccount(browser, { name: "Alma Alternate", email, country: "United Kingdom" });
  const sessionsAfterSignUp = await dbSessions(request, email);

  // A person with two tabs, one on each instance.
  const tabs = await Promise.all(
    [instanceA, instanceB].map(async (instance) => {
      const context = await newContext(browser, { baseURL: instance.origin });
      const page = await context.newPage();
      await page.goto("/sign-in");
      return { instance, context, page };
    }),
  );
  const tab = (attempt: number) => tabs[(attempt - 1) % 2]!;

  for (let attempt = 1; attempt <= 4; attempt++) {
    const { page } = tab(attempt);
    expect((await postSignIn(page, email, `wrong-guess-${attempt}`)).status()).toBe(200);
    await expect(signInNotice(page)).toHaveText(incorrect, afterPasswordSubmit);
    // One row, counted by whichever instance took the attempt; both instances read the same count.
    await expect.poll(async () => (await dbRateLimit(attempt % 2 ? onB : onA, key))?.hits, `hits after attempt ${attempt}`).toBe(attempt);
  }

  // The 5th (on A) reaches the limit; the 6th (on B), with the right password, is refused like it.
  await postSignIn(tab(5).page, email, "wrong-guess-5");
  await expect(signInNotice(tab(5).page)).toHaveText(throttled, afterPasswordSubmit);
  expect((await dbRateLimit(onB, key))?.hits).toBe(5);

  await postSignIn(tab(6).page, email, strongPassword);
  await expect(signInNotice(tab(6).page)).toHaveText(throttled, afterPasswordSubmit);
  await expect(tab(6).page).toHaveURL(/\/sign-in$/);
  // And through nginx as well: whichever instance answers, no session is opened.
  const viaNginx = await newContext(browser);
  const page = await viaNginx.newPage();
  await postSignIn(page, email, strongPassword);
  await expect(signInNotice(page)).toHaveText(throttled, afterPasswordSubmit);
  expect(await dbSessions(onA, email)).toEqual(sessionsAfterSignUp);

  await Promise.all([...tabs.map((t) => t.context.close()), viaNginx.close()]);
});

test("the 6th try on a code is refused whichever instance gets it: tries alternate A, B, A, B, A, then B and A", async ({ browser, request, onA, onB }) => {
  // Browser A: trusted and signed in (through nginx). Browser B: right password, code pushed to A.
  const a = await trustedBrowserA(browser, "Cora Counter");
  const b = await signInWithPushedCode(browser, a.email);
  const prompt = devicePrompt(a.page, "Sign-in requested");
  await expect(prompt).toBeVisible({ timeout: 5_000 });
  const code = await readPromptCode(prompt);
  const wrong = (n: number) => String((Number(code) + n) % 1_000_000).padStart(6, "0");
  const [challenge] = await dbChallenges(request, a.email);
  expect(challenge).toMatchObject({ method: "device", purpose: "sign_in", attempts: 0, consumedAt: null });

  // From here each Verify goes straight to the instance named, in this order.
  const answeredBy = await routePostsTo(b.page, "/api/verify", [instanceA, instanceB]);
  // Waits until the instance has answered: the 6th and 7th tries show the same alert, so the text alone cannot tell.
  const verify = async (value: string) => {
    const answered = answeredBy.length + 1;
    await b.page.getByLabel("Verification code").fill(value);
    await b.page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect.poll(() => answeredBy.length, `answers after try ${answered}`).toBe(answered);
  };
  const attemptsOn = async (api: typeof onA) => (await dbChallenges(api, a.email)).find((c) => c.id === challenge!.id)?.attempts;

  for (let attempt = 1; attempt <= 5; attempt++) {
    await verify(wrong(attempt));
    const left = 5 - attempt;
    await expect(formAlerts(b.page)).toHaveText(
      left === 0 ? "Too many wrong tries for this code. Request a new one." : `That code isn't right. ${left} ${left === 1 ? "try" : "tries"} left for this code.`,
    );
    // The count is the challenge row's: instance A and instance B both read what the other wrote.
    expect(await attemptsOn(onA)).toBe(attempt);
    expect(await attemptsOn(onB)).toBe(attempt);
  }
  expect(answeredBy).toEqual(["A", "B", "A", "B", "A"]);

  // 6th try, wrong, on B: refused before it is even checked — the account now waits (five wrong codes in a row).
  const locked = /^Too many wrong codes\. For your security, try again in \d+ seconds\.$/;
  await verify(wrong(6));
  await expect(formAlerts(b.page)).toHaveText(locked);
  // 7th, the RIGHT code, on A: refused the same way.
  await verify(code);
  await expect(formAlerts(b.page)).toHaveText(locked);
  expect(answeredBy).toEqual(["A", "B", "A", "B", "A", "B", "A"]);

  // Nothing moved: the refused tries were not counted, the code was not used, B holds no full session.
  const [after] = await dbChallenges(onB, a.email);
  expect(after).toMatchObject({ id: challenge!.id, attempts: 5, consumedAt: null, deniedAt: null });
  const levels = await dbSessionLevels(onA, a.email);
  expect(levels.filter((s) => s.upgradedFrom === challenge!.sessionId)).toEqual([]);
  await b.page.unrouteAll({ behavior: "wait" });
  await b.page.goto("/account");
  await expect(b.page).toHaveURL(/\/verify/);

  await Promise.all([a.context.close(), b.context.close()]);
});
