import { expect, test } from "@playwright/test";
import { devicePrompt, signInWithPushedCode, trustedBrowserA } from "./helpers";

test("screens", async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await trustedBrowserA(browser, "Sam Screens");
  await a.page.screenshot({ path: "/tmp/pw-push/account.png", fullPage: true });
  const b = await signInWithPushedCode(browser, a.email);
  await expect(devicePrompt(a.page)).toBeVisible({ timeout: 3000 });
  await a.page.screenshot({ path: "/tmp/pw-push/prompt.png" });
  await a.page.setViewportSize({ width: 390, height: 800 });
  await a.page.screenshot({ path: "/tmp/pw-push/prompt-mobile.png" });
  await devicePrompt(a.page).getByRole("button", { name: "Don't allow" }).click();
  await a.page.screenshot({ path: "/tmp/pw-push/denied-mobile.png" });
  await b.page.screenshot({ path: "/tmp/pw-push/b-denied.png" });
  await a.page.setViewportSize({ width: 390, height: 800 });
  await a.page.goto("/account");
  await a.page.screenshot({ path: "/tmp/pw-push/account-mobile.png", fullPage: true });
});
