import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";

/** One of the two `next start` instances behind nginx, addressed directly (scripts/test-cluster.ts sets the env). */
export interface Instance {
  name: "A" | "B";
  origin: string;
}

function instance(name: Instance["name"]): Instance {
  const origin = process.env[`CLUSTER_INSTANCE_${name}`];
  if (!origin) throw new Error(`CLUSTER_INSTANCE_${name} is not set: run these specs with \`npm run test:cluster\``);
  return { name, origin };
}

export const instanceA = instance("A");
export const instanceB = instance("B");

/** `onA` / `onB`: API clients bound to one instance, for the test hooks and public endpoints (no cookies shared). */
export const test = base.extend<{ onA: APIRequestContext; onB: APIRequestContext }>({
  onA: async ({ playwright }, provide) => {
    const api = await playwright.request.newContext({ baseURL: instanceA.origin });
    await provide(api);
    await api.dispose();
  },
  onB: async ({ playwright }, provide) => {
    const api = await playwright.request.newContext({ baseURL: instanceB.origin });
    await provide(api);
    await api.dispose();
  },
});

export { expect };

/**
 * Plays the load balancer for the page's POSTs to `pathname` (a server action's page, or a route handler the page
 * fetches), in an order the test chooses instead of nginx's: the n-th POST goes to `order[n % order.length]`,
 * straight to that instance, with the headers nginx adds (X-Forwarded-Host/Proto = the page's origin, so the Origin
 * checks pass as they do behind nginx). Everything else the page loads still goes through nginx. Returns the names
 * of the instances that answered, in order.
 */
export async function routePostsTo(page: Page, pathname: string, order: Instance[]) {
  const answeredBy: Instance["name"][] = [];
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.fallback();
      const to = order[answeredBy.length % order.length]!;
      const from = new URL(request.url());
      const headers = { ...(await request.allHeaders()) };
      delete headers.host;
      Object.assign(headers, {
        "x-forwarded-host": from.host,
        "x-forwarded-proto": from.protocol.replace(":", ""),
        // The body is handed back to the browser as is: no compression to undo on the way.
        "accept-encoding": "identity",
      });
      const response = await route.fetch({ url: new URL(from.pathname + from.search, to.origin).toString(), headers, maxRedirects: 0 });
      answeredBy.push(to.name);
      await route.fulfill({ response });
    },
  );
  return answeredBy;
}

/** What /api/availability on one instance says about a country right now. */
export async function availabilityOn(api: APIRequestContext, country: string) {
  const response = await api.get("/api/availability", { params: { country } });
  expect(response.status(), `GET /api/availability?country=${country}`).toBe(200);
  return ((await response.json()) as { status: string }).status;
}
