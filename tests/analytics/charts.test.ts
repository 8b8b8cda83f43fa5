import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdoptionChart } from "@/components/admin/dashboard/adoption-chart";
import { BarListChart } from "@/components/admin/dashboard/bar-list-chart";
import { countTicks } from "@/components/admin/dashboard/chart-parts";
import { EnrollmentsChart } from "@/components/admin/dashboard/enrollments-chart";

// The dashboard's charts are server-rendered HTML and SVG: what they draw is in the markup, so it can be read here.

const us = { key: "US", name: "United States", colour: "#2563eb" };
const pl = { key: "PL", name: "Poland", colour: "#d97706" };

describe("count axis", () => {
  it.each([0, 1, 2, 5, 6, 11, 21, 26, 41, 49, 51, 101, 240, 1234])("max %i: six whole, evenly spaced ticks from 0 to a round number at or above it", (max) => {
    const ticks = countTicks(max);
    expect(ticks).toHaveLength(6);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
    const step = ticks[1]!;
    expect(Number.isInteger(step) && step > 0).toBe(true);
    expect(ticks).toEqual(ticks.map((_, i) => i * step));
    // Round enough to read, close enough not to waste the chart: the top is under twice the max (or 5).
    expect(ticks.at(-1)!).toBeLessThan(Math.max(2 * max, 5) + 1);
  });
});

describe("new enrollments (stacked bars)", () => {
  const markup = renderToStaticMarkup(
    createElement(EnrollmentsChart, {
      label: "3 new enrollments",
      bucketTitle: "Day",
      series: [us, pl],
      rows: [
        { label: "1 Nov", US: 1, PL: 0, total: 1 },
        { label: "2 Nov", US: 1, PL: 1, total: 2 },
        { label: "3 Nov", US: 0, PL: 0, total: 0 },
      ],
    }),
  );

  it("stacks each day's countries on a 0–5 axis, each segment as high as its count", () => {
    // Two days with a US enrollment, one with a Polish one: three segments of 1 (20% of 5), the rest empty.
    expect(markup.match(/height:20%;background:#2563eb/g)).toHaveLength(2);
    expect(markup.match(/height:20%;background:#d97706/g)).toHaveLength(1);
    expect(markup.match(/height:0%/g)).toHaveLength(3);
    for (const tick of ["0", "1", "2", "3", "4", "5"]) expect(markup).toContain(`>${tick}</span>`);
  });

  it("gives every bar its figures on hover and the chart one label for assistive technology", () => {
    expect(markup).toContain('title="Day 2 Nov — United States: 1, Poland: 1; total 2"');
    expect(markup).toContain('role="img" aria-label="3 new enrollments"');
  });
});

describe("adoption curves (lines)", () => {
  const rows = Array.from({ length: 91 }, (_, day) => ({ label: String(day), day, w1: day / 3, ...(day >= 89 ? { w2: 5 } : {}) }));
  const markup = renderToStaticMarkup(
    createElement(AdoptionChart, {
      label: "Wave 1: 30% on day 90",
      rows,
      series: [
        { key: "w1", name: "Wave 1", colour: "#2563eb" },
        { key: "w2", name: "Wave 2", colour: "#d97706", dash: "6 3" },
      ],
    }),
  );

  it("plots each wave's rate by day on a 0–30% axis (the highest rate, rounded up to ten)", () => {
    const line = markup.match(/<polyline points="([^"]*)"[^>]*stroke="#2563eb"/)?.[1]?.split(" ");
    expect(line).toHaveLength(91);
    // Day 0 at 0% is the bottom left; day 90 at 30% is the top of the axis (y = 0 of 100).
    expect(line?.[0]).toBe("0,100");
    expect(line?.[90]).toBe("90,0");
    expect(line?.[45]).toBe("45,50");
    expect(markup).toContain(">30%</span>");
    expect(markup).not.toContain(">40%</span>");
  });

  it("draws a wave with fewer than three days as dots, and names every wave's rate on hover", () => {
    expect(markup.match(/rounded-full" style="left:[^"]*;bottom:16\.6+\d*%;background:#d97706"/g)).toHaveLength(2);
    expect(markup).toContain('title="Day 89 since launch — Wave 1: 29.666666666666668%, Wave 2: 5%"');
  });
});

describe("bar lists", () => {
  it("draws each bar in proportion to the scale's top and prints its figure after it", () => {
    const markup = renderToStaticMarkup(
      createElement(BarListChart, {
        label: "SMS delivery",
        max: 100,
        unit: "%",
        items: [
          { name: "France", value: 50, label: "50% of 8", colour: "#2563eb" },
          { name: "Chile", value: 0, label: "0% of 2", colour: "#2563eb" },
        ],
      }),
    );
    expect(markup).toContain("width:calc((100% - 6.5rem) * 0.5)");
    expect(markup).toContain("width:calc((100% - 6.5rem) * 0);min-width:0");
    expect(markup).toContain('title="France: 50%"');
    expect(markup).toContain(">50% of 8</span>");
  });
});
