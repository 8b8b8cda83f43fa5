import { afterPasswordSubmit, dbRateLimit, newContext, strongPassword, submitSignIn } from "../helpers";
import { devicePrompt, firefoxOnLinux, promptValue, trustedBrowserA } from "../two-step-push/helpers";
import { expect, test } from "./instances";

// What the app trusts about a request is what nginx forwards: the address nginx saw (X-Forwarded-For overwritten,
// TRUSTED_PROXY_HOPS=0 takes its last entry) and no country hint from the client (lib/auth/request-context.ts reads
// CF-IPCountry / X-Vercel-IP-Country / X-Country, which nginx clears). scripts/test-cluster.ts writes that config.

test.describe.configure({ timeout: 120_000 });

test("behind nginx a client cannot pick the address or country its sign-in prompt shows, nor its throttling key", async ({ browser, request }) => {
  const a = await trustedBrowserA(browser, "Pax Proxy");
  const prompt = devicePrompt(a.page, "Sign-in requested");

  const forged = "203.0.113.7";
  const context = await newContext(browser, {
    userAgent: firefoxOnLinux,
    extraHTTPHeaders: { "X-Forwarded-For": forged, "X-Real-IP": forged, "X-Country": "FR", "CF-IPCountry": "FR" },
  });
  const page = await context.newPage();
  await submitSignIn(page, a.email, strongPassword);
  await expect(page).toHaveURL(/\/verify/, afterPasswordSubmit);
  await page.getByRole("radio", { name: /Your trusted devices/ }).check();
  await page.getByRole("button", { name: "Send code" }).click();

  // Browser A is told where the attempt really came from: the loopback address nginx saw, no country.
  await expect(prompt).toBeVisible({ timeout: 5_000 });
  await expect(promptValue(prompt, "Browser")).toHaveText("Firefox 128 on Linux");
  await expect(promptValue(prompt, "Location")).toHaveText(/^Unknown location \((127\.0\.0\.1|::1)\)$/);
  // The sign-in was counted against that address, never against the one the client sent.
  const seen = (await promptValue(prompt, "Location").innerText()).match(/\((.+)\)/)![1]!;
  expect(await dbRateLimit(request, `signin:ip:${seen}`)).not.toBeNull();
  expect(await dbRateLimit(request, `signin:ip:${forged}`)).toBeNull();

  await Promise.all([a.context.close(), context.close()]);
});
