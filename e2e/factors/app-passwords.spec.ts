import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, newContext, signInNotice, submitSignIn } from "../helpers";
import { sendCode, signUpWithTwoStep } from "../recovery/helpers";
import { dbFactors } from "./helpers";

const basic = (email: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` });

test("app-specific passwords: created with a label, accepted only by the API, revocable", async ({ browser, page, request }) => {
  test.setTimeout(180_000);
  const account = await signUpWithTwoStep(page, "Mina Mail");
  await page.goto("/account/security");
  await page.getByRole("link", { name: "Manage App-specific passwords" }).click();
  await page.getByLabel("Verification code").fill(await sendCode(page, account.phone.e164));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security\/app-passwords$/);
  await expect(page.getByText("No app-specific passwords yet.")).toBeVisible();

  // A label is required; the refusal keeps the form usable.
  await page.getByRole("button", { name: "Create password" }).click();
  await expect(page.locator("main form [role=alert]")).toHaveText("Give this password a label.");
  await page.getByLabel("Label").fill("Mail on my iPad");
  await page.getByRole("button", { name: "Create password" }).click();
  const password = (await page.getByTestId("new-app-password").innerText()).trim();
  expect(password).toMatch(/^[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{4}$/);
  await expect(page.getByRole("list", { name: "Your app-specific passwords" })).toContainText("Mail on my iPad");

  // The API takes it; the account's real password is refused there because 2SV is on.
  const me = await request.get("/api/v1/me", { headers: basic(account.email, password) });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: account.email, twoStepVerification: true, authenticatedWith: "app_password" });
  const main = await request.get("/api/v1/me", { headers: basic(account.email, account.password) });
  expect(main.status()).toBe(401);
  expect(main.headers()["www-authenticate"]).toContain("Basic");
  expect((await dbFactors(request, account.email)).appPasswords).toEqual([expect.objectContaining({ label: "Mail on my iPad", lastUsedAt: expect.any(String), revokedAt: null })]);
  await page.reload();
  await expect(page.getByRole("list", { name: "Your app-specific passwords" })).toContainText("last used");

  // The sign-in page never takes it (tried from another browser; this one stays signed in).
  const other = await (await newContext(browser)).newPage();
  await submitSignIn(other, account.email, password);
  await expect(signInNotice(other)).toHaveText("The email or password is incorrect.", afterPasswordSubmit);
  await other.context().close();

  // Revoked: the API refuses it at once.
  await page.getByRole("button", { name: "Revoke Mail on my iPad" }).click();
  await expect(page.getByText("No app-specific passwords yet.")).toBeVisible();
  expect((await request.get("/api/v1/me", { headers: basic(account.email, password) })).status()).toBe(401);
  expect((await dbFactors(request, account.email)).appPasswords[0]!.revokedAt).not.toBeNull();
});
