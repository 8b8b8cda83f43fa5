import { expect, test } from "@playwright/test";
import { dbSessions, signOut, strongPassword, submitSignIn } from "../helpers";
import { dbChallenges, dbSessionLevels, dbTrustedDevices, devicePrompt, promptValue, readPromptCode, signInWithPushedCode, trustedBrowserA } from "./helpers";

// Two browsers, two argon2id sign-ins each: slower than a one-page test on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe("codes pushed to trusted browsers", () => {
  // How soon A shows the prompt is a benchmark's figure (bench/device-prompts: about a second, A's poll interval), not
  // a timed assertion: these machines are shared.
  test("browser B signs in with the code that trusted browser A shows", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser);
    const prompt = devicePrompt(a.page, "Sign-in requested");
    await expect(prompt).toBeHidden();

    const b = await signInWithPushedCode(browser, a.email);
    // The notice above appears once the code exists; A polls about once a second.
    await expect(prompt).toBeVisible();

    // The prompt says who asks, from where and when, and keyboard focus is inside it.
    await expect(promptValue(prompt, "Browser")).toHaveText("Firefox 128 on Linux");
    await expect(promptValue(prompt, "Location")).toHaveText(/^Unknown location \((127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)\)$/);
    await expect(promptValue(prompt, "Time")).not.toBeEmpty();
    await expect(prompt.getByRole("button", { name: "Done" })).toBeFocused();
    await expect(prompt).toHaveAccessibleDescription(/Your password was just used to sign in on another browser/);
    const code = await readPromptCode(prompt);

    // Only the trusted, fully signed-in browser may read pushed codes: B's pending session gets nothing.
    expect((await b.context.request.get("/api/device-prompts")).status()).toBe(404);
    expect((await a.context.request.get("/api/device-prompts")).status()).toBe(200);
    expect((await request.get("/api/device-prompts")).status()).toBe(404);

    await b.page.getByLabel("Verification code").fill(code);
    await b.page.getByRole("button", { name: "Verify" }).click();
    await expect(b.page).toHaveURL(/\/account$/);
    await expect(b.page.getByRole("heading", { name: "Your account" })).toBeVisible();

    // The used code disappears from A; nothing of it stays readable in the database.
    await expect(prompt).toBeHidden({ timeout: 3000 });
    const [challenge] = await dbChallenges(request, a.email);
    expect(challenge).toMatchObject({ method: "device", purpose: "sign_in", hasSealedCode: false, deniedAt: null, attempts: 0 });
    expect(challenge!.consumedAt).not.toBeNull();
    expect(challenge!.requestUserAgent).toContain("Firefox/128.0");
    // B's session was replaced by a full (aal 2) one linked to the pending one that asked.
    const levels = await dbSessionLevels(request, a.email);
    const upgraded = levels.find((s) => s.upgradedFrom === challenge!.sessionId);
    expect(upgraded).toMatchObject({ aal: 2, revokedAt: null });
    expect((await dbSessions(request, a.email)).find((s) => s.id === challenge!.sessionId)?.revokedAt).not.toBeNull();

    await Promise.all([a.context.close(), b.context.close()]);
  });

  test("a trusted browser signing in is not offered its own pushed code, which it would never be shown", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser, "Solo Sam");
    await signOut(a.page);
    await submitSignIn(a.page, a.email, strongPassword);
    await expect(a.page).toHaveURL(/\/verify/);
    // Its only trusted device is itself: nothing here can receive the code.
    await expect(a.page.getByText("No trusted phone, device, app or passkey can confirm it's you right now.")).toBeVisible();
    await expect(a.page.getByRole("radio", { name: /Your trusted devices/ })).toHaveCount(0);
    // It is still a trusted browser that receives codes, and another browser is offered it.
    expect(await dbTrustedDevices(request, a.email)).toEqual([expect.objectContaining({ receivesCodes: true, revokedAt: null })]);
    const b = await signInWithPushedCode(browser, a.email);
    expect((await dbChallenges(request, a.email)).map((c) => c.method)).toEqual(["device"]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  test("'Don't allow' on A denies B's attempt at once, even with the right code", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser, "Dana Deny");
    const b = await signInWithPushedCode(browser, a.email);
    const prompt = devicePrompt(a.page, "Sign-in requested");
    await expect(prompt).toBeVisible();
    const code = await readPromptCode(prompt);

    await prompt.getByRole("button", { name: "Don't allow" }).click();
    await expect(prompt).toBeHidden();
    await expect(a.page.getByText("Denied. That browser can't use this code.")).toBeVisible();

    // B learns of the denial without doing anything (it polls its challenge's state).
    const denied = b.page.getByText("This sign-in was denied on one of your trusted devices.");
    await expect(denied).toBeVisible({ timeout: 3000 });
    let [challenge] = await dbChallenges(request, a.email);
    expect(challenge).toMatchObject({ method: "device", hasSealedCode: false, consumedAt: null });
    expect(challenge!.deniedAt).not.toBeNull();

    // The code A showed is now worthless.
    await b.page.getByLabel("Verification code").fill(code);
    await b.page.getByRole("button", { name: "Verify" }).click();
    await expect(b.page.locator("main form [role=alert]")).toHaveText("This sign-in was denied on one of your trusted devices.");
    await expect(b.page).toHaveURL(/\/verify/);
    [challenge] = await dbChallenges(request, a.email);
    expect(challenge!.consumedAt).toBeNull();
    await b.page.goto("/account");
    await expect(b.page).toHaveURL(/\/verify/);

    await Promise.all([a.context.close(), b.context.close()]);
  });

  test("Escape closes the prompt on A without denying: B can still use the code", async ({ browser, request }) => {
    const a = await trustedBrowserA(browser, "Esme Escape");
    const securityLink = a.page.getByRole("link", { name: "Security settings" });
    await securityLink.focus();
    const b = await signInWithPushedCode(browser, a.email);
    const prompt = devicePrompt(a.page, "Sign-in requested");
    await expect(prompt).toBeVisible();
    const code = await readPromptCode(prompt);

    // The keyboard moves between the prompt's buttons; Escape closes it and focus goes back where it was.
    await expect(prompt.getByRole("button", { name: "Done" })).toBeFocused();
    await a.page.keyboard.press("Shift+Tab");
    await expect(prompt.getByRole("button", { name: "Don't allow" })).toBeFocused();
    await a.page.keyboard.press("Tab");
    await expect(prompt.getByRole("button", { name: "Done" })).toBeFocused();
    await a.page.keyboard.press("Escape");
    await expect(prompt).toBeHidden();
    await expect(securityLink).toBeFocused();
    // Closed for good on this tab, even after a reload, while the code is still open.
    let polls = 0;
    const twoPollsWithThePrompt = a.page.waitForResponse(async (r) => {
      if (!r.url().endsWith("/api/device-prompts") || r.status() !== 200) return false;
      // A poll answered just before the reload has no body to read any more: it doesn't count.
      const body = (await r.json().catch(() => null)) as { prompts: unknown[] } | null;
      return body?.prompts.length === 1 && ++polls === 2;
    });
    await a.page.reload();
    await twoPollsWithThePrompt;
    await expect(prompt).toBeHidden();
    expect((await dbChallenges(request, a.email))[0]).toMatchObject({ deniedAt: null, hasSealedCode: true });

    await b.page.getByLabel("Verification code").fill(code);
    await b.page.getByRole("button", { name: "Verify" }).click();
    await expect(b.page).toHaveURL(/\/account$/);
    await Promise.all([a.context.close(), b.context.close()]);
  });
});
