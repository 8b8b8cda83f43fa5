// Lighthouse, programmatically, in Debian's Chromium (headless, --no-sandbox), one Chromium for all runs.
import { chromium } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";

export const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof categories)[number];
export type FormFactor = "mobile" | "desktop";

export interface RunResult {
  scores: Record<Category, number | null>;
  /**
   * Scored audits (weight > 0) below 1 (performance's metrics: below 0.9), plus performance's unscored opportunities
   * and diagnostics below 0.9 that carry a display value, as hints: id, title, score, weight, display, examples.
   */
  failing: { category: Category; id: string; title: string; score: number | null; weight: number; display?: string; examples: string[] }[];
  /** Audits Lighthouse could not compute (weight 0 ones do not change a score; a weighted one would). */
  errored: { id: string; weight: number; message: string }[];
  metrics: { fcp_ms?: number; lcp_ms?: number; tbt_ms?: number; cls?: number; si_ms?: number };
  /** JS the page fetched during the run: script requests, bytes on the wire (gzip) and decoded. */
  scripts: { count: number; transfer_kb: number; resource_kb: number };
  benchmark_index?: number;
  final_url: string;
  runtime_error?: string;
}

export async function launchChromium() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage"],
    logLevel: "silent",
  });
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/**
 * Puts exactly this run's session into the shared Chromium's cookie jar (none for a signed-out page), as a browser
 * holds it. Lighthouse's extra Cookie header would not do: Chromium replaces it with the jar's cookies once the jar
 * holds any for the origin — as it does once a page has run (every page sets a `tz` cookie) — and the page, or its
 * later fetches, then arrived signed out.
 */
async function holdCookies(port: number, url: string, cookie?: string) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const jar = browser.contexts()[0]!;
    await jar.clearCookies();
    const pairs = (cookie ?? "").split("; ").filter(Boolean).map((pair) => pair.split(/=(.*)/s));
    if (pairs.length) await jar.addCookies(pairs.map(([name, value]) => ({ name: name!, value: value ?? "", url: new URL(url).origin })));
  } finally {
    await browser.close();
  }
}

export async function audit(port: number, url: string, formFactor: FormFactor, cookie?: string): Promise<RunResult> {
  await holdCookies(port, url, cookie);
  const flags: Flags = {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...categories],
    disableFullPageScreenshot: true,
  };
  // Mobile: Lighthouse's default config (Moto G Power, slow 4G, 4× CPU, simulated throttling). Desktop: its desktop preset.
  const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  // The whole report, for reading long tasks and the LCP element behind a score: LIGHTHOUSE_REPORT_DIR=<dir>.
  const reports = process.env.LIGHTHOUSE_REPORT_DIR;
  if (reports) writeFileSync(join(reports, `${new URL(url).pathname.replace(/\W+/g, "_")}-${formFactor}-${Date.now()}.json`), JSON.stringify(result.lhr));
  return summarize(result.lhr);
}

function summarize(lhr: Result): RunResult {
  const scores = Object.fromEntries(categories.map((c) => [c, lhr.categories[c]?.score ?? null])) as RunResult["scores"];
  const failing: RunResult["failing"] = [];
  const errored: RunResult["errored"] = [];
  for (const c of categories) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.scoreDisplayMode === "notApplicable" || a.scoreDisplayMode === "informative" || a.scoreDisplayMode === "manual") continue;
      if (a.scoreDisplayMode === "error") {
        errored.push({ id: a.id, weight: ref.weight, message: (a.errorMessage ?? "").slice(0, 160) });
        continue;
      }
      if (a.score !== null && a.score >= (c === "performance" ? 0.9 : 1)) continue; // performance: below the green band
      // Unscored audits: only performance's opportunities and diagnostics that say how much (hints for the JSON line).
      if (ref.weight === 0 && (c !== "performance" || !a.displayValue)) continue;
      failing.push({ category: c, id: a.id, title: a.title, score: a.score, weight: ref.weight, ...(a.displayValue ? { display: a.displayValue } : {}), examples: examples(a.details) });
    }
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue;
  const requests = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number; resourceSize?: number }[] } | undefined)?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === "Script");
  return {
    scores,
    failing,
    errored,
    metrics: { fcp_ms: metric("first-contentful-paint"), lcp_ms: metric("largest-contentful-paint"), tbt_ms: metric("total-blocking-time"), cls: metric("cumulative-layout-shift"), si_ms: metric("speed-index") },
    scripts: { count: scripts.length, transfer_kb: kb(scripts.reduce((s, r) => s + (r.transferSize ?? 0), 0)), resource_kb: kb(scripts.reduce((s, r) => s + (r.resourceSize ?? 0), 0)) },
    benchmark_index: lhr.environment?.benchmarkIndex,
    final_url: lhr.finalDisplayedUrl,
    ...(lhr.runtimeError ? { runtime_error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` } : {}),
  };
}

/** Up to three short lines from an audit's details: the console message, the URL, or the failing node. */
function examples(details: unknown): string[] {
  let items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  // "list" details (e.g. the LCP element) hold tables: read the first table's rows.
  if (items[0]?.type === "table") items = (items[0].items as Record<string, unknown>[] | undefined) ?? [];
  return items.slice(0, 3).map((item) => {
    const node = item.node as { snippet?: string; explanation?: string } | undefined;
    const source = item.sourceLocation as { url?: string } | undefined;
    const text = [item.description, item.reason, item.issueType, node?.snippet, node?.explanation, item.url ?? source?.url, item.wastedBytes ? `${Math.round(Number(item.wastedBytes) / 1024)} KiB` : undefined]
      .filter((x) => typeof x === "string" || typeof x === "number")
      .join(" — ");
    return text.replace(/\s+/g, " ").slice(0, 300);
  }).filter(Boolean);
}
