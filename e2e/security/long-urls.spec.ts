import { expect, test } from "@playwright/test";

// Found by the fuzzer: Next redirects a URL with repeated slashes and repeats the whole URL twice in the reply's
// headers, so a long query made headers no client could parse. Requests are capped at 7 KiB of headers
// (scripts/server-limits.ts): what gets through still has an answer a client reads, and past the cap it is a 431.
test("a long URL gets an answer a client can read: redirected below the cap, 431 above it", async ({ request }) => {
  const query = (bytes: number) => `a=${"x".repeat(bytes)}`;
  const below = await request.get(`/admin/waves//edit?${query(6_500)}`, { maxRedirects: 0 });
  expect(below.status()).toBe(308);
  expect(below.headers().location).toMatch(/^\/admin\/waves\/edit\?a=x+$/);
  const above = await request.get(`/sign-in?${query(7_500)}`, { maxRedirects: 0 });
  expect(above.status()).toBe(431);
});
