import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG 2.2 A/AA rules (axe-core tags them by the version that introduced each rule). */
const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Waits for running CSS transitions and finite animations to end. A button that was disabled while its form ran fades
 * back to its colour over 150 ms; axe measuring mid-fade reports a contrast the person never settles on.
 */
async function settleTransitions(page: Page) {
  await page.evaluate(() => {
    const ending = document
      .getAnimations()
      .filter((animation) => animation.playState === "running" && Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
      .map((animation) => animation.finished.catch(() => undefined));
    // Bounded: an animation paused or restarted by a script must not hold the check up.
    return Promise.race([Promise.all(ending), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/** Axe's WCAG A/AA violations on the page once it has settled, one line each: rule, then the offending elements. */
export async function axeViolations(page: Page) {
  await settleTransitions(page);
  const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function expectAccessible(page: Page) {
  expect(await axeViolations(page), `axe on ${new URL(page.url()).pathname}`).toEqual([]);
}
