import { expect, test } from "@playwright/test";
import { newContext, signIn, signUp, strongPassword, uniqueEmail } from "../helpers";
import { dbEnrollment, progress, startWizard } from "./helpers";

// The wizard's first step re-types the password; every later step belongs to that browser's session, for an hour
// (lib/two-step/enrollment/enrollment-proof.ts). A setup left half-done must not let someone who has only the
// password carry it on elsewhere: add their own factor, take the Recovery Key, turn 2SV on.
test("another browser with the password must re-type it to carry on a setup, and then the first one must too", async ({ browser, request }) => {
  test.slow(); // two browsers, three argon2id checks
  const email = uniqueEmail();
  const contextA = await newContext(browser);
  const a = await contextA.newPage();
  await signUp(a, { name: "Paula Proof", email });
  await startWizard(a);
  await a.getByRole("button", { name: /^Skip/ }).click();
  await expect(a).toHaveURL(/\/enable\/devices$/);
  await a.getByRole("button", { name: "Trust this browser" }).click();
  await expect(a.getByText("This browser is a trusted device.")).toBeVisible();
  await a.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(a).toHaveURL(/\/enable\/key$/);

  // B signs in with the password and goes straight for the key step: it is sent to the first step.
  const contextB = await newContext(browser);
  const b = await contextB.newPage();
  await signIn(b, email, strongPassword);
  await b.goto("/account/security/enable/key");
  await expect(b).toHaveURL(/\/enable\/explain$/);
  await expect(b.getByText("You started setting this up earlier. For your security, re-enter your password to continue where you left off.")).toBeVisible();
  await expect(progress(b).getByText("Step 1 of 5")).toBeVisible();
  expect((await dbEnrollment(request, email)).enrollment).toEqual({ step: "key", hasPendingKey: false });

  // A wrong password keeps B out; the right one resumes where the setup was, and the setup is now B's.
  await b.getByLabel("Password", { exact: true }).fill("not the password at all");
  await b.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(b.getByText("That password isn't right.")).toBeVisible();
  await expect(b).toHaveURL(/\/enable\/explain$/);
  await b.getByLabel("Password", { exact: true }).fill(strongPassword);
  await b.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(b).toHaveURL(/\/enable\/key$/);

  // A, still on the key step, can no longer make the key: its click lands on the first step, and nothing was made.
  await a.getByRole("button", { name: "Create my Recovery Key" }).click();
  await expect(a).toHaveURL(/\/enable\/explain$/);
  await expect(a.getByLabel("Password", { exact: true })).toBeVisible();
  await expect(a.getByTestId("recovery-key")).toBeHidden();
  const after = await dbEnrollment(request, email);
  expect(after.enrollment).toEqual({ step: "key", hasPendingKey: false });
  expect(after.twoStepEnabledAt).toBeNull();

  await Promise.all([contextA.close(), contextB.close()]);
});
