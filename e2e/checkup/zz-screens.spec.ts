import { test } from "@playwright/test";
import { signUp, uniqueEmail } from "../helpers";

test("screens", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signUp(page, { name: "Mo Mobile", email: uniqueEmail(), country: "United States" });
  await page.screenshot({ path: "/tmp/pw-push/checkup-mobile.png", fullPage: true });
});
