import { expect, test } from "@playwright/test";
import { dbSessions, newContext, signIn, signUp, strongPassword, uniqueEmail } from "../helpers";
import { createAndConfirmKey, dbEnrollment, startWizard, turnOn } from "./helpers";
import { expectAccessible } from "../accessibility";

test("enable 2SV with trusted devices only, in Pakistan (2SV available, no SMS to local carriers)", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail();
  const contextA = await newContext(browser);
  const a = await contextA.newPage();
  await signUp(a, { name: "Ayesha Khan", email, country: "Pakistan" });
  const contextB = await newContext(browser, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" });
  const b = await contextB.newPage();
  await signIn(b, email, strongPassword);

  await startWizard(a);

  // (b) The page says SMS can't reach Pakistani carriers; a Pakistani number is refused; skip to devices.
  await expect(a.getByText("Text messages can't reach phones in Pakistan yet")).toBeVisible();
  await a.getByLabel("Phone number").fill("0300 1234567");
  await a.getByRole("button", { name: "Send code" }).click();
  await expect(a.locator("main form [role=alert]")).toHaveText(/Text messages can't reach phones in Pakistan yet/);
  expect((await dbEnrollment(request, email)).phones).toEqual([]);
  await a.getByRole("button", { name: "Skip — use a trusted device instead" }).click();
  await expect(a).toHaveURL(/\/enable\/devices$/);

  // (c) Nothing trusted yet: continuing is refused.
  await expect(a.getByTestId("factor-count")).toHaveText("No trusted phone and no trusted device.");
  await a.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(a.getByRole("alert").filter({ hasText: "Add at least one trusted phone number or trusted device to continue." })).toBeVisible();
  await expect(a).toHaveURL(/\/enable\/devices$/);
  await expectAccessible(a);

  // The other browser (B) is listed; B opens Security and trusts itself; A's page picks it up on its own.
  await expect(a.getByRole("list", { name: "Your other signed-in browsers" })).toContainText("Firefox 128 on Linux");
  await b.goto("/account/security");
  await expect(b.getByText("Setup in progress: step 3 of 5.")).toBeVisible();
  await b.getByRole("button", { name: "Trust this browser" }).click();
  await expect(b.getByText(/^This browser is a trusted device\./)).toBeVisible();
  await expect(a.getByRole("list", { name: "Trusted devices" })).toContainText("Firefox 128 on Linux", { timeout: 15_000 });

  // And A trusts itself too.
  await a.getByRole("button", { name: "Trust this browser" }).click();
  await expect(a.getByText("This browser is a trusted device.")).toBeVisible();
  await expect(a.getByTestId("factor-count")).toHaveText("No trusted phone and 2 trusted devices.");
  await a.getByRole("button", { name: "Continue", exact: true }).click();

  await createAndConfirmKey(a);
  await turnOn(a);
  await expect(a.getByRole("list", { name: "Trusted devices" }).getByRole("listitem")).toHaveCount(2);
  await expect(a.getByText("No trusted phone numbers. Codes go to your trusted devices.")).toBeVisible();

  const after = await dbEnrollment(request, email);
  expect(after.twoStepEnabledAt).not.toBeNull();
  expect(after.phones).toEqual([]);
  expect(after.devices).toHaveLength(2);
  expect(after.events.filter((e) => e === "device_trusted")).toHaveLength(2);
  expect(after.events).toContain("two_step_enabled");
  // B trusted itself but was signed in with the password only: it signs in again, now with a code.
  expect((await dbSessions(request, email)).filter((s) => !s.revokedAt)).toHaveLength(1);
  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in/);

  await Promise.all([contextA.close(), contextB.close()]);
});
