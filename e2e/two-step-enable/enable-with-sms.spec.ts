import { expect, test } from "@playwright/test";
import { dbSessions, hook, newContext, signIn, signUp, strongPassword, uniqueEmail } from "../helpers";
import { dbEnrollment, latestEmail, progress, readSmsCode, startWizard, turnOn } from "./helpers";
import { expectAccessible } from "../accessibility";

test("enable 2SV with a text message: questions first, then the wizard; other browsers signed out", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail();
  const contextA = await newContext(browser);
  const a = await contextA.newPage();
  await signUp(a, { name: "Sam Sender", email, country: "United States" });

  // The "before" world: the security page asks for security questions at first need.
  await a.goto("/account/security");
  await expect(a.getByTestId("two-step-status")).toHaveText("Off");
  await expect(a.getByTestId("questions-status")).toHaveText(/haven't set your security questions/);
  await a.getByRole("link", { name: "Set security questions" }).click();
  await a.getByRole("button", { name: "Save security questions" }).click();
  await expect(a.locator("main form [role=alert]").filter({ hasText: "Choose a question." })).toHaveCount(3);
  await expect(a.locator("main form [role=alert]").filter({ hasText: "Enter your password." })).toHaveCount(1);
  const answerQuestions = async () => {
    for (const [n, question, answer] of [[1, "What was the name of your first pet?", "Biscuit"], [2, "What was the make of your first car?", "Fiat Panda"], [3, "In what city did your parents meet?", "Lyon"]] as const) {
      await a.getByLabel(`Security question ${n}`).selectOption({ label: question });
      await a.getByLabel(`Answer ${n}`).fill(answer);
    }
  };
  // The first questions later prove it's the owner: setting them takes the password, so an open session alone cannot.
  await answerQuestions();
  await a.getByLabel("Current password").fill("not-my-password");
  await a.getByRole("button", { name: "Save security questions" }).click();
  await expect(a.getByText("That password isn't right.")).toBeVisible();
  expect((await dbEnrollment(request, email)).questionCount).toBe(0);
  await answerQuestions();
  await a.getByLabel("Current password").fill(strongPassword);
  await a.getByRole("button", { name: "Save security questions" }).click();
  await expect(a).toHaveURL(/\/account\/security\?done=questions$/);
  await expect(a.getByTestId("questions-status")).toHaveText("Your three security questions are set.");
  expect((await dbEnrollment(request, email)).questionCount).toBe(3);

  // A second browser is signed in: turning 2SV on signs it out.
  const contextB = await newContext(browser);
  const b = await contextB.newPage();
  await signIn(b, email, strongPassword);

  // (a) The questions first (they are what 2SV replaces), then what changes + password.
  await a.goto("/account/security");
  await a.getByRole("link", { name: "Turn on two-step verification" }).click();
  await expect(a).toHaveURL(/\/account\/confirm\?action=enable_two_step/);
  await expect(a.getByText("Before you turn on two-step verification, confirm it's you.")).toBeVisible();
  await a.getByLabel("What was the name of your first pet?").fill("Biscuit");
  await a.getByLabel("What was the make of your first car?").fill("Fiat Panda");
  await a.getByLabel("In what city did your parents meet?").fill("lyon");
  await a.getByRole("button", { name: "Confirm" }).click();
  await expect(a).toHaveURL(/\/account\/security\/enable\/explain$/);
  await expect(a.getByText("We can't reset your password")).toBeVisible();
  await a.getByLabel("Password", { exact: true }).fill("not-my-password");
  await a.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(a.getByText("That password isn't right.")).toBeVisible();
  expect((await dbEnrollment(request, email)).enrollment).toBeNull();
  await startWizard(a);

  // (b) Phone: a bad number is refused on the field and kept; a good one gets a code from the dev inbox.
  await a.getByLabel("Phone number").fill("555-0100");
  await a.getByRole("button", { name: "Send code" }).click();
  await expect(a.getByText("Enter a valid phone number")).toBeVisible();
  await expect(a.getByLabel("Phone number")).toHaveValue("555-0100");
  await expectAccessible(a);
  await a.getByLabel("Phone number").fill("(201) 555-0123");
  await a.getByRole("button", { name: "Send code" }).click();
  await expect(a.getByText("We texted a 6-digit code to +1 201 555 0123.")).toBeVisible();
  // A reload keeps waiting for that code, rather than asking for the number again; the code texted before still works.
  await a.reload();
  await expect(a.getByText("We texted a 6-digit code to +1 201 555 0123.")).toBeVisible();
  const code = await readSmsCode(contextA, "+12015550123");
  // Five digits cannot be the code: said so, and no try is spent (the wrong code after it still has 4 left).
  await a.getByLabel("Verification code").fill(code.slice(0, 5));
  await a.getByRole("button", { name: "Verify number" }).click();
  await expect(a.getByText("Check what you typed: codes have 6 digits, backup codes 10 letters and digits. No try was used.")).toBeVisible();
  await a.getByLabel("Verification code").fill(code === "000000" ? "111111" : "000000");
  await a.getByRole("button", { name: "Verify number" }).click();
  await expect(a.getByText("That code isn't right. 4 tries left for this code.")).toBeVisible();
  await a.getByLabel("Verification code").fill(code);
  await a.getByRole("button", { name: "Verify number" }).click();
  await expect(a.getByText("+1 201 555 0123 is now a trusted number.")).toBeVisible();
  // The next step comes first: the form for a second number stays folded until asked for.
  await expect(a.getByLabel("Phone number")).toHaveCount(0);
  await a.getByRole("button", { name: "Add another number" }).click();
  await expect(a.getByLabel("Phone number")).toHaveValue("");
  await expect(a.getByRole("list", { name: "Your trusted numbers" })).toContainText("+1 201 555 0123");
  await a.getByRole("button", { name: "Continue", exact: true }).click();

  // Resumable: leave, come back through the security page, land on the step reached.
  await expect(a).toHaveURL(/\/enable\/devices$/);
  await a.goto("/account");
  await a.goto("/account/security");
  await expect(a.getByText("Setup in progress: step 3 of 5.")).toBeVisible();
  await a.getByRole("link", { name: "Continue setup" }).click();
  await expect(a).toHaveURL(/\/enable\/devices$/);
  await expect(progress(a).getByText("Step 3 of 5")).toBeVisible();

  // (c) Devices: the other signed-in browser is listed; a verified phone is enough to go on.
  await expect(a.getByRole("list", { name: "Your other signed-in browsers" }).getByRole("listitem")).toHaveCount(1);
  await expect(a.getByTestId("factor-count")).toHaveText("1 trusted phone and no trusted device.");
  await a.getByRole("button", { name: "Continue", exact: true }).click();

  // (d) Recovery Key: the box must be ticked and the key must match.
  await a.getByRole("button", { name: "Create my Recovery Key" }).click();
  const shown = (await a.getByTestId("recovery-key").innerText()).trim();
  await expectAccessible(a);
  await a.getByRole("button", { name: "I've saved my key — continue" }).click();
  await expect(a.getByTestId("recovery-key")).toHaveCount(0);
  await a.getByLabel("Enter your Recovery Key").fill("AAAA-BBBB-CCCC-DD");
  await a.getByRole("button", { name: "Confirm Recovery Key" }).click();
  await expect(a.getByText("Tick the box to confirm you understand.")).toBeVisible();
  await a.getByRole("checkbox", { name: /I understand/ }).check();
  await a.getByLabel("Enter your Recovery Key").fill("AAAA-BBBB-CCCC-DD");
  await a.getByRole("button", { name: "Confirm Recovery Key" }).click();
  await expect(a.getByText("That isn't the key we showed you.")).toBeVisible();
  await expectAccessible(a);
  const pending = await dbEnrollment(request, email);
  expect(pending.enrollment).toEqual({ step: "key", hasPendingKey: true });
  await a.getByRole("button", { name: "Show my key again" }).click();
  await expect(a.getByTestId("recovery-key")).toHaveText(shown);
  await a.getByRole("button", { name: "I've saved my key — continue" }).click();
  await a.getByLabel("Enter your Recovery Key").fill(shown.replace(/-/g, " "));
  await a.getByRole("checkbox", { name: /I understand/ }).check();
  await a.getByRole("button", { name: "Confirm Recovery Key" }).click();

  // (e) Turn on.
  await expect(a).toHaveURL(/\/enable\/review$/);
  await expect(a.getByText("Your 1 other signed-in browser will be signed out")).toBeVisible();
  await turnOn(a);
  await expect(a.getByText("Two-step verification is on.")).toBeVisible();
  await expect(a.getByRole("list", { name: "Trusted phones" })).toContainText("+1 201 555 0123");
  await expect(a.getByTestId("key-status")).toHaveText(/confirmed/);
  await expectAccessible(a);

  const after = await dbEnrollment(request, email);
  expect(after.twoStepEnabledAt).not.toBeNull();
  expect(after.questionCount).toBe(0);
  expect(after.enrollment).toBeNull();
  expect(after.recoveryKey).toMatchObject({ argon2: true });
  expect(after.recoveryKey!.confirmedAt).not.toBeNull();
  expect(after.phones).toEqual([expect.objectContaining({ e164: "+12015550123", countryCode: "US" })]);
  for (const type of ["enrollment_started", "phone_verified", "key_confirmed", "two_step_enabled"]) expect(after.events).toContain(type);
  const sessions = await dbSessions(request, email);
  expect(sessions.filter((s) => !s.revokedAt)).toHaveLength(1);
  // A carries on under a new session id at aal 2; the id it had with the password alone is revoked.
  const levels = await hook<{ id: string; aal: number; upgradedFrom: string | null; revokedAt: string | null }[]>(request, "session-levels", email);
  const live = levels.filter((s) => !s.revokedAt);
  expect(live).toEqual([expect.objectContaining({ aal: 2, upgradedFrom: expect.any(String) })]);
  expect(levels.find((s) => s.id === live[0]!.upgradedFrom)).toMatchObject({ aal: 1, revokedAt: expect.any(String) });

  // Browser B is signed out; A stays signed in (not sent to the second step).
  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in/);
  await a.goto("/account");
  await expect(a).toHaveURL(/\/account$/);
  expect(await latestEmail(contextA, email)).toContain("Two-step verification is on");

  await Promise.all([contextA.close(), contextB.close()]);
});
