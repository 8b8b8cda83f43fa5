import { expect, test, type BrowserContext } from "@playwright/test";
import { afterPasswordSubmit, enterSignUpCode, signOut, submitSignUp, uniqueEmail } from "../helpers";

// nginx's HTTPS server in front of the same two instances (scripts/test-cluster.ts), as production runs: the app hears
// `X-Forwarded-Proto: https` and names every cookie with a prefix the browser enforces (lib/http/cookie-name.ts).
const httpsOrigin = process.env.CLUSTER_HTTPS_URL;
if (!httpsOrigin) throw new Error("CLUSTER_HTTPS_URL is not set: run these specs with `npm run test:cluster`");
// The certificate was made for this run; nothing else about the connection is relaxed.
test.use({ baseURL: httpsOrigin, ignoreHTTPSErrors: true });
test.describe.configure({ timeout: 120_000 });

const cookieNamed = async (context: BrowserContext, name: string) => (await context.cookies()).find((c) => c.name === name);

test("over HTTPS every cookie is Secure and prefixed, __Host- (this host only) or __Secure-, and read back under that name", async ({ page }) => {
  const context = page.context();
  const email = uniqueEmail("https cookies");

  // Sign-up binds the emailed code to this browser.
  await submitSignUp(page, { name: "Hana Https", email });
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible(afterPasswordSubmit);
  expect(await cookieNamed(context, "__Host-stepwise_signup")).toMatchObject({ secure: true, path: "/", domain: "localhost" });
  await enterSignUpCode(page, email);
  await expect(page).toHaveURL(/\/account$/, afterPasswordSubmit);

  // 2SV on and this browser trusted (the seed hook e2e/two-step-push uses): the device cookie.
  expect((await page.request.post("/api/test/enable-two-step", { params: { q: email } })).status()).toBe(200);
  await page.goto("/account");
  // The server found its __Host- device cookie again: this browser is the one marked in the trusted devices.
  await expect(page.getByText("This browser", { exact: true })).toBeVisible();
  await expect.poll(async () => (await cookieNamed(context, "__Host-tz"))?.secure).toBe(true);

  const signedIn = await context.cookies();
  expect(signedIn.map((c) => c.name)).toEqual(expect.arrayContaining(["__Secure-authjs.session-token", "__Host-stepwise_device", "__Host-tz"]));
  for (const cookie of signedIn) {
    expect(cookie.secure, cookie.name).toBe(true);
    expect(cookie.name).toMatch(/^__(Host|Secure)-/);
    if (cookie.name.startsWith("__Host-")) expect(cookie).toMatchObject({ path: "/", domain: "localhost" });
  }

  // Signed out, the language chosen here is this browser's: written and read as __Host-locale.
  await signOut(page);
  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await page.getByRole("button", { name: "Change", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  expect(await cookieNamed(context, "__Host-locale")).toMatchObject({ value: "de", secure: true, httpOnly: true, path: "/" });
  expect((await context.cookies()).filter((c) => !c.secure)).toEqual([]);
});
