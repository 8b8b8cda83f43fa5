import { expect, test } from "@playwright/test";

test.describe("security headers", () => {
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    test(`${path} is sent with a strict CSP, nosniff and a referrer policy`, async ({ page }) => {
      const violations: string[] = [];
      page.on("console", (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const headers = response!.headers();

      const csp = headers["content-security-policy"] ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/);
      expect(csp).not.toContain("unsafe-eval");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-powered-by"]).toBeUndefined();

      // The page still works under its policy: the app hydrated and nothing was blocked.
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      expect(violations).toEqual([]);
    });
  }

  test("every page response gets a fresh CSP nonce", async ({ request }) => {
    const nonce = async () => (await request.get("/sign-in")).headers()["content-security-policy"]?.match(/'nonce-([^']+)'/)?.[1];
    const [a, b] = [await nonce(), await nonce()];
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(a).not.toBe(b);
  });
});
