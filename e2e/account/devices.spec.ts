import { expect, test, type Browser, type Page } from "@playwright/test";
import { dbSessions, newContext, newSessions, signIn, signUp, strongPassword, uniqueEmail } from "../helpers";

/** One account signed in from two browsers: A (signed up there) and B (signed in afterwards). */
async function twoDevices(browser: Browser, request: Parameters<typeof dbSessions>[0]) {
  const email = uniqueEmail();
  const contextA = await newContext(browser);
  const contextB = await newContext(browser);
  const a = await contextA.newPage();
  const b = await contextB.newPage();
  await signUp(a, { name: "Devi Devices", email, country: "Netherlands" });
  const [sessionA] = await dbSessions(request, email);
  await signIn(b, email, strongPassword);
  const [sessionB, ...extra] = await newSessions(request, email, [sessionA!]);
  expect(extra).toHaveLength(0);
  // Every sign-in opens its own session with its own id.
  expect(sessionB!.id).not.toBe(sessionA!.id);
  return { email, a, b, sessionA: sessionA!, sessionB: sessionB!, close: () => Promise.all([contextA.close(), contextB.close()]) };
}

const devices = (page: Page) => page.getByRole("list", { name: "Signed-in devices" }).getByRole("listitem");

async function expectSignedOut(page: Page) {
  await page.goto("/account");
  // The browser still holds the revoked session's cookie: the sign-in page says why it is there.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount&ended=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Your session has ended." })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test.describe("signed-in devices", () => {
  // Each test signs one account up in browser A and in again in browser B: two argon2id-heavy steps.
  test.beforeEach(() => test.slow());
  test("'Sign out all other devices' signs the other browser out", async ({ browser, request }) => {
    const { email, a, b, sessionA, sessionB, close } = await twoDevices(browser, request);

    // Auth.js's own session endpoint answers for B's cookie while its session lives, and not after.
    const authJsSession = async () => (await b.request.get("/api/auth/session")).json();
    expect(await authJsSession()).toMatchObject({ user: { email } });

    await a.goto("/account");
    await expect(devices(a)).toHaveCount(2);
    await expect(devices(a).filter({ hasText: "This device" })).toHaveCount(1);
    await a.getByRole("button", { name: "Sign out all other devices" }).click();
    await expect(a.getByRole("status").filter({ hasText: "Signed out 1 other device." })).toBeVisible();
    await expect(devices(a)).toHaveCount(1);
    await expect(a.getByText("No other devices are signed in.")).toBeVisible();

    const sessions = await dbSessions(request, email);
    expect(sessions.find((s) => s.id === sessionB.id)?.revokedAt).not.toBeNull();
    expect(sessions.find((s) => s.id === sessionA.id)?.revokedAt).toBeNull();

    await expectSignedOut(b);
    expect(await authJsSession()).toBeNull();
    // A is untouched.
    await a.goto("/account");
    await expect(a).toHaveURL(/\/account$/);
    await close();
  });

  test("a device's own 'Sign out' button signs just that browser out", async ({ browser, request }) => {
    const { email, a, b, sessionA, sessionB, close } = await twoDevices(browser, request);

    await a.goto("/account");
    const other = devices(a).filter({ hasNotText: "This device" });
    await expect(other).toHaveCount(1);
    await other.getByRole("button", { name: /^Sign out .+/ }).click();
    await expect(a.getByRole("status").filter({ hasText: "That device has been signed out." })).toBeVisible();
    await expect(devices(a)).toHaveCount(1);

    await expect.poll(async () => (await dbSessions(request, email)).find((s) => s.id === sessionB.id)?.revokedAt).not.toBeNull();
    expect((await dbSessions(request, email)).find((s) => s.id === sessionA.id)?.revokedAt).toBeNull();

    await expectSignedOut(b);
    await close();
  });

  test("Auth.js's sign-out address asks on our page, and ends the session too: a copy of the cookie taken before is refused", async ({ browser, page, request }) => {
    const email = uniqueEmail();
    await signUp(page, { name: "Sana Signout", email });
    const [session] = await dbSessions(request, email);
    const copied = await page.context().storageState();

    await page.goto("/api/auth/signout");
    await expect(page).toHaveURL(/\/sign-out$/);
    await expect(page.getByRole("heading", { name: "Sign out of Stepwise?" })).toBeVisible();
    // Changing one's mind signs nothing out.
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/\/account$/);
    expect((await dbSessions(request, email)).find((s) => s.id === session!.id)?.revokedAt).toBeNull();

    await page.goto("/api/auth/signout");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByText("You are signed out.")).toBeVisible();
    await expect.poll(async () => (await dbSessions(request, email)).find((s) => s.id === session!.id)?.revokedAt).not.toBeNull();

    const thief = await newContext(browser, { storageState: copied });
    await expectSignedOut(await thief.newPage());
    await thief.close();
  });
});
