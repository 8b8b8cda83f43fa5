import { expect, test } from "@playwright/test";

// `?q=a&q=b` reaches a page as an array, not a string. Found by the fuzzer (e2e/authz/fuzz.spec.ts) on /availability:
// every public page that reads its query answers such a URL like the single value, never with a 500.
test("public pages read a repeated query parameter as its first value", async ({ page }) => {
  const search = await page.goto("/availability?q=Fran&q=Germany");
  expect(search?.status()).toBe(200);
  await expect(page.getByRole("searchbox")).toHaveValue("Fran");
  await expect(page.getByText("France", { exact: true }).first()).toBeVisible();

  for (const url of ["/reset?token=a&token=b", "/sign-in?callbackUrl=%2Faccount&callbackUrl=%2Fadmin", "/sign-up?country=FR&country=DE", "/forgot-password?email=a&email=b"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
  }
});
