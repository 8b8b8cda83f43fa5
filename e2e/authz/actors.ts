import { expect, test as base, type BrowserContext } from "@playwright/test";
import { signIn, signOut, signUp, strongPassword, uniqueEmail } from "../helpers";
import { signInStaff } from "../admin/helpers";
import type { Actor } from "./matrix";

/**
 * One browser context per actor, signed in once per worker. The demo staff's codes go to one phone each, so no other
 * spec may sign the same staff member in meanwhile: the "authz" project runs after all others (playwright.config.ts).
 */
export const test = base.extend<object, { actorContexts: Record<Actor, BrowserContext> }>({
  actorContexts: [
    async ({ browser, playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      const open = () => browser.newContext({ baseURL, locale: "en-US" });
      const staff = async (email: string) => {
        const context = await open();
        const page = await context.newPage();
        await signInStaff(page, email).catch(async (error: Error) => {
          // On a loaded machine the console can open after the helper's 30 s; a sign-in that gets there still counts.
          await expect(page.getByRole("navigation", { name: "Admin", exact: true }), error.message).toBeVisible({ timeout: 90_000 });
        });
        await page.close();
        return context;
      };
      const holder = async () => {
        const context = await open();
        const page = await context.newPage();
        await signUp(page, { name: "Hana Holder", email: uniqueEmail("authz holder"), country: "United States" });
        await page.close();
        return context;
      };
      // A 2SV account after the password only: signed out, 2SV turned on by the test hook, then the password again.
      const pending = async () => {
        const email = uniqueEmail("authz pending");
        const context = await open();
        const page = await context.newPage();
        await signUp(page, { name: "Pat Pending", email, country: "United States" });
        await signOut(page);
        const hooks = await playwright.request.newContext({ baseURL });
        expect((await hooks.post("/api/test/enable-two-step", { params: { q: email } })).status()).toBe(200);
        await hooks.dispose();
        await signIn(page, email, strongPassword, /\/verify(\?|$)/);
        await page.close();
        return context;
      };
      // One at a time: each sign-in hashes with argon2id and the staff's go through a texted code; on a loaded 2-core
      // machine five at once made the code prompts miss their timeouts.
      const anonymous = await open();
      const pendingContext = await pending();
      const holderContext = await holder();
      const viewer = await staff("viewer@stepwise.test");
      const operator = await staff("operator@stepwise.test");
      const admin = await staff("admin@stepwise.test");
      const contexts = { anonymous, pending: pendingContext, holder: holderContext, viewer, operator, admin };
      await use(contexts);
      await Promise.all(Object.values(contexts).map((c) => c.close()));
    },
    { scope: "worker", timeout: 400_000 },
  ],
});
