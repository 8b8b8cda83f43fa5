import { expect, test } from "@playwright/test";
import { afterPasswordSubmit, createAccount, dbRateLimit, dbSessions, postSignIn, signInNotice, strongPassword, uniqueEmail } from "../helpers";

test("a wrong password and an unknown email look exactly the same", async ({ browser, page, request }) => {
  test.slow(); // one sign-up and two sign-ins, each spending argon2id time
  const known = uniqueEmail("known");
  const unknown = uniqueEmail("nobody");
  await createAccount(browser, { name: "Wendy Wrong", email: known, country: "United States" });

  const outcome = async (email: string, password: string) => {
    const response = await postSignIn(page, email, password);
    await expect(signInNotice(page)).toBeVisible(afterPasswordSubmit);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    return {
      status: response.status(),
      notice: await signInNotice(page).innerText(),
      path: new URL(page.url()).pathname + new URL(page.url()).search,
      emailKept: await page.getByLabel("Email", { exact: true }).inputValue(),
    };
  };

  await page.goto("/sign-in");
  const wrongPassword = await outcome(known, `${strongPassword}-nope`);
  await page.goto("/sign-in");
  const unknownEmail = await outcome(unknown, strongPassword);

  expect(wrongPassword).toEqual({ status: 200, notice: "The email or password is incorrect.", path: "/sign-in", emailKept: known });
  expect(unknownEmail).toEqual({ ...wrongPassword, emailKept: unknown });

  // Both failures are counted the same way, whether or not the account exists; neither opened a session.
  expect(await dbRateLimit(request, `signin:account:${known}`)).toMatchObject({ hits: 1 });
  expect(await dbRateLimit(request, `signin:account:${unknown}`)).toMatchObject({ hits: 1 });
  expect(await dbSessions(request, known)).toHaveLength(1); // the one sign-up opened
});
