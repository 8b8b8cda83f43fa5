import { expect, test, type Page } from "@playwright/test";
import { dbSessions, signIn, signUp, strongPassword, uniqueEmail } from "../helpers";
import { dbChallenges, dbSessionLevels, devicePrompt, pendingBrowser, readPromptCode, signInWithPushedCode, trustedBrowserA } from "../two-step-push/helpers";

// Sessions end on their own (lib/auth/session-limits.ts): 30 days after signing in without 2SV; with 2SV, 24 hours
// after it or an hour without a request. The clock is faked by moving this browser's session row into the past.

/** Moves the calling browser's session `hours` back in time (test hook). */
async function walkAway(page: Page, hours: number) {
  const response = await page.request.post("/api/test/age-session", { params: { q: String(hours) } });
  expect(response.status(), "age-session test hook").toBe(200);
  return ((await response.json()) as { sessionId: string }).sessionId;
}

const sessionEnded = (page: Page) => page.getByRole("status").filter({ hasText: "Your session has ended. For your security, sign in again to continue." });

test("without two-step verification a session lasts 30 days, then the next page asks to sign in again and comes back", async ({ page, request }) => {
  const email = uniqueEmail();
  await signUp(page, { name: "Tomas Timeout", email });

  await walkAway(page, 29 * 24);
  await page.goto("/account/security");
  await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();

  const old = await walkAway(page, 24 + 1);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity&ended=1$/);
  await expect(sessionEnded(page)).toBeVisible();

  await signIn(page, email, strongPassword, /\/account\/security$/);
  const rows = await dbSessions(request, email);
  expect(rows).toHaveLength(2);
  // The ended session is not revoked by anyone, just no longer accepted or listed; the new one is a new id.
  expect(rows.find((s) => s.id === old)?.revokedAt).toBeNull();
  await page.goto("/account");
  await expect(page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem")).toHaveCount(1);
});

test("with two-step verification a session ends after an hour without a request; background polls do not count", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, { name: "Ida Idle", email });
  // Stands in for the enable wizard: 2SV on, this browser trusted and its session a full (aal 2) one.
  expect((await page.request.post("/api/test/enable-two-step", { params: { q: email } })).status()).toBe(200);
  // The router's prefetches of the page's links are kept out (the page works without them): they read the session as
  // page requests do, and on a busy host one arriving after the clock moved counted as the activity polls are not.
  await page.route((url) => url.searchParams.has("_rsc"), (route) => route.abort());

  await walkAway(page, 0.75);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account", exact: true })).toBeVisible();

  // The page stays open: as a trusted browser it polls for pushed codes, and is answered.
  await walkAway(page, 0.75);
  const poll = await page.waitForResponse((r) => new URL(r.url()).pathname === "/api/device-prompts");
  expect(poll.status()).toBe(200);
  // Had that poll counted as activity, the session would have been idle for half an hour now, not an hour and a half.
  await walkAway(page, 0.5);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount&ended=1$/);
  await expect(sessionEnded(page)).toBeVisible();
});

test("a trusted browser whose session timed out still shows pushed codes, like a phone that stays signed in", async ({ browser, request }) => {
  test.slow(); // two browsers, two argon2id sign-ins
  const a = await trustedBrowserA(browser, "Otto Offline");
  const idle = await walkAway(a.page, 2);
  await a.page.goto("/account");
  await expect(a.page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount&ended=1$/);
  await expect(sessionEnded(a.page)).toBeVisible();

  // The owner signs in on another browser and picks "Your trusted devices": A, on its sign-in page, shows the code.
  const b = await signInWithPushedCode(browser, a.email);
  const prompt = devicePrompt(a.page, "Sign-in requested");
  await expect(prompt).toBeVisible();
  const code = await readPromptCode(prompt);
  await b.page.getByLabel("Verification code").fill(code);
  await b.page.getByRole("button", { name: "Verify" }).click();
  await expect(b.page.getByRole("heading", { level: 1, name: "Your account", exact: true })).toBeVisible();

  const [challenge] = await dbChallenges(request, a.email);
  expect(challenge).toMatchObject({ method: "device", hasSealedCode: false, deniedAt: null });
  expect(challenge!.consumedAt).not.toBeNull();
  const levels = await dbSessionLevels(request, a.email);
  expect(levels.find((s) => s.upgradedFrom === challenge!.sessionId)).toMatchObject({ aal: 2, revokedAt: null });
  // A's own session stays ended (not revoked, not live): receiving codes opens none of the account's pages.
  expect(levels.find((s) => s.id === idle)?.revokedAt).toBeNull();
  await a.page.goto("/account/security");
  await expect(a.page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity&ended=1$/);

  // It keeps polling without a live session: the endpoint answers it, and only it.
  expect((await a.context.request.get("/api/device-prompts")).status()).toBe(200);
  expect((await request.get("/api/device-prompts")).status()).toBe(404);

  // Until it signs out: its sign-in page says it still shows codes, and lets it stop.
  await expect(a.page.getByText("This browser still shows the codes for its account's sign-ins, as a trusted device.", { exact: false })).toBeVisible();
  await a.page.getByRole("button", { name: "Sign out of this browser" }).click();
  await expect(a.page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await expect(a.page.getByRole("button", { name: "Sign out of this browser" })).toBeHidden();
  expect((await a.context.request.get("/api/device-prompts")).status()).toBe(404);
  expect((await dbSessions(request, a.email)).find((s) => s.id === idle)?.revokedAt).not.toBeNull();
  await Promise.all([a.context.close(), b.context.close()]);
});

test("a pending session has 30 minutes to finish the second step, however busy", async ({ browser }) => {
  const { context, page } = await pendingBrowser(browser, "Pia Pending");

  await walkAway(page, 0.25);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/verify/);

  // Fifteen minutes later, though the page was just used: half an hour since the password.
  await walkAway(page, 0.26);
  const late = await context.request.post("/api/verify", {
    headers: { origin: new URL(page.url()).origin, "sec-fetch-site": "same-origin" },
    multipart: { method: "totp", code: "123456", callbackUrl: "/account" },
  });
  expect(late.status()).toBe(401);
  expect(await late.json()).toEqual({ redirectTo: "/sign-in?ended=1" });
  await page.goto("/verify");
  await expect(page).toHaveURL(/\/sign-in\?ended=1$/);
  await expect(sessionEnded(page)).toBeVisible();
  await context.close();
});
