import { expect, test } from "@playwright/test";
import { dbSessionLevels, pendingBrowser } from "../two-step-push/helpers";

// POST /api/verify finishes the second step for the /verify page's form. It answers JSON, so it must refuse other
// sites itself (the cookie is SameSite=Lax as well), and a refused answer must leave the session pending.
test("the second-step endpoint refuses other sites and keeps a refused session pending", async ({ browser, request }) => {
  const { email, context, page } = await pendingBrowser(browser, "Vera Verify");
  const [pending] = (await dbSessionLevels(request, email)).filter((s) => !s.revokedAt && s.aal === 1);
  expect(pending).toBeDefined();

  const crossSite = await context.request.post("/api/verify", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    multipart: { method: "backup_code", code: "k7m2q-x9hfd", callbackUrl: "/account" },
  });
  expect(crossSite.status()).toBe(403);

  // From our own page, a method this account does not have: a refusal the form can show, not a 500.
  const refused = await context.request.post("/api/verify", {
    headers: { origin: new URL(page.url()).origin, "sec-fetch-site": "same-origin" },
    multipart: { method: "totp", code: "123456", callbackUrl: "/account" },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toEqual({ error: { key: "noAuthenticator" } });

  // Still pending: the same session, not upgraded, and the account out of reach.
  const after = (await dbSessionLevels(request, email)).filter((s) => !s.revokedAt);
  expect(after.map((s) => [s.id, s.aal])).toContainEqual([pending!.id, 1]);
  expect(after.filter((s) => s.upgradedFrom === pending!.id)).toEqual([]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/verify/);
  await context.close();
});
