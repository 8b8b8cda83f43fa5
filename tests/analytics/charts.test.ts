import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AdoptionChart } from "@/components/admin/dashboard/adoption-chart";
import { BarListChart } from "@/components/admin/dashboard/bar-list-chart";
import { countTicks } from "@/components/admin/dashboard/chart-parts";
import { EnrollmentsChart } from "@/components/admin/dashboard/enrollments-chart";

// The dashboard's charts are server-rendered HTML and SVG: what they draw is in the markup, so it can be read here.
// (The tooltip layer is a client component; its first render, without a tooltip shown, is in the markup too.)

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

/** Where the element opened at `start` closes: `markup` is well-formed (React's output), void tags aside. */
function closingOf(markup: string, start: number) {
  const tags = /<(\/?)([a-z]+)[^>]*?(\/?)>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(markup); tag; tag = tags.exec(markup)) {
    if (tag[3] || ["path", "polyline", "line", "br", "img", "input"].includes(tag[2]!)) continue;
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index;
  }
  throw new Error("unclosed element");
}

/** The tooltip slider is interactive, so it must sit beside the role="img" frame (whose content is presentational). */
function expectSliderBesideImage(markup: string) {
  const image = markup.indexOf('role="img"');
  const slider = markup.indexOf('role="slider"');
  expect(image).toBeGreaterThan(-1);
  expect(slider).toBeGreaterThan(closingOf(markup, markup.lastIndexOf("<div", image)));
}

/** A stacked-bars path as its rectangles: left edge, base and height (plot units). */
const segments = (d: string | undefined) =>
  [...(d ?? "").matchAll(/M([\d.]+) (-?[\d.]+)v-([\d.]+)h([\d.]+)v[\d.]+z/g)].map(([, x, y, h, w]) => ({ x: Number(x), base: 0 - Number(y), height: Number(h), width: Number(w) }));

describe("new enrollments (stacked bars)", () => {
  const markup = renderToStaticMarkup(
    createElement(EnrollmentsChart, {
      label: "3 new enrollments",
      bucket: "day",
      series: [us, pl],
      rows: [
        { label: "1 Nov", US: 1, PL: 0, total: 1 },
        { label: "2 Nov", US: 1, PL: 1, total: 2 },
        { label: "3 Nov", US: 0, PL: 0, total: 0 },
      ],
    }),
  );

  it("draws each country as one path of segments stacked in series order, each as high as its count, on a 0–5 axis", () => {
    expect(markup).toContain('viewBox="0 -5 3 5"');
    expect(segments(markup.match(/<path d="([^"]*)" fill="#2563eb"/)?.[1])).toEqual([
      { x: 0.06, base: 0, height: 1, width: 0.88 },
      { x: 1.06, base: 0, height: 1, width: 0.88 },
    ]);
    // Poland's enrollment on 2 Nov sits on top of that day's US one; days without any draw nothing.
    expect(segments(markup.match(/<path d="([^"]*)" fill="#d97706"/)?.[1])).toEqual([{ x: 1.06, base: 1, height: 1, width: 0.88 }]);
    for (const tick of ["0", "1", "2", "3", "4", "5"]) expect(markup).toContain(`>${tick}</div>`);
  });

  it("has one label for assistive technology and one tooltip slider over the bars, starting on the latest day", () => {
    expect(markup).toContain('role="img" aria-label="3 new enrollments"');
    expect(markup).toContain('aria-label="Figures by day" aria-valuemin="0" aria-valuemax="2" aria-valuenow="2" aria-valuetext="Day 3 Nov: United States 0, Poland 0; total 0"');
    expectSliderBesideImage(markup);
    expect(markup).not.toContain("title=");
  });

  it("labels at most eight bars, whatever their number", () => {
    const month = renderToStaticMarkup(
      createElement(EnrollmentsChart, {
        label: "30 days",
        bucket: "day",
        series: [us],
        rows: Array.from({ length: 30 }, (_, i) => ({ label: `${i + 1} Nov`, US: 1, total: 1 })),
      }),
    );
    // Every fourth day: 1, 5, … 29 Nov; the tooltip and the table have every day.
    expect(month.match(/>\d+ Nov</g)).toEqual(["1", "5", "9", "13", "17", "21", "25", "29"].map((d) => `>${d} Nov<`));
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
    expect(markup).toContain(">30%</div>");
    expect(markup).not.toContain(">40%</div>");
  });

  it("draws a wave with fewer than three days as dots", () => {
    expect(markup.match(/rounded-full" style="left:[^"]*;bottom:16\.6+\d*%;background:#d97706"/g)).toHaveLength(2);
  });

  it("gives the days' figures through one tooltip slider, not an element per day", () => {
    expect(markup).toContain('aria-label="Figures by day since launch" aria-valuemin="0" aria-valuemax="90" aria-valuenow="90" aria-valuetext="Day 90 since launch: Wave 1 30%, Wave 2 5%"');
    expectSliderBesideImage(markup);
    // 6 grid lines, 2 dots, 7 day ticks and the axis title, 2 legend entries (li, svg, line): nothing per day.
    expect(markup.match(/<[a-z]/g)!.length).toBeLessThan(40);
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
    // A full bar takes the row less the name (112 px by default) and the room for the figure after it.
    expect(markup).toContain("width:calc((100% - 112px - 7.5rem) * 0.5)");
    expect(markup).toContain("width:calc((100% - 112px - 7.5rem) * 0);min-width:0");
    expect(markup).toContain('title="France: 50%"');
    expect(markup).toContain(">50% of 8</span>");
  });
});
