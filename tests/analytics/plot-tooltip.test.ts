import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { figuresAt, fractionOf, indexAfterKey, indexAt, spokenFigures, type TooltipData } from "@/components/admin/dashboard/plot-tooltip-model";
import { ShowAsTable } from "@/components/admin/dashboard/show-as-table";

// The dashboard's tooltip layer: which day or bar a pointer or a key picks, and the figures it shows and speaks.
// (Pointer, touch and keyboard in a real browser: e2e/admin/console.spec.ts.)

const days = { kind: "points", span: 180 } as const;
const bars = { kind: "bands" } as const;

describe("the position under the pointer", () => {
  it("on a line chart, is the nearest whole day of the fixed 0–180 axis, however few days the data has", () => {
    expect(indexAt(0, 91, days)).toBe(0);
    expect(indexAt(0.5, 181, days)).toBe(90);
    expect(indexAt(0.501, 181, days)).toBe(90);
    expect(indexAt(0.504, 181, days)).toBe(91);
    // Right of the last day there is: that day.
    expect(indexAt(0.9, 91, days)).toBe(90);
    expect(fractionOf(90, 91, days)).toBe(0.5);
  });

  it("on a bar chart, is the bar whose slot it is in", () => {
    expect(indexAt(0, 4, bars)).toBe(0);
    expect(indexAt(0.249, 4, bars)).toBe(0);
    expect(indexAt(0.25, 4, bars)).toBe(1);
    expect(indexAt(0.99, 4, bars)).toBe(3);
    expect(fractionOf(1, 4, bars)).toBe(0.375);
  });

  it("stays on the plot when the pointer is a little outside it", () => {
    expect(indexAt(-0.1, 4, bars)).toBe(0);
    expect(indexAt(1.2, 4, bars)).toBe(3);
    expect(indexAt(1.2, 181, days)).toBe(180);
  });
});

describe("the keys a slider answers", () => {
  it.each([
    ["ArrowRight", 5, 6],
    ["ArrowUp", 5, 6],
    ["ArrowLeft", 5, 4],
    ["ArrowDown", 5, 4],
    ["PageUp", 5, 12],
    ["PageDown", 10, 3],
    ["Home", 5, 0],
    ["End", 5, 29],
  ])("%s from %i moves to %i", (key, from, to) => {
    expect(indexAfterKey(key, from, 30)).toBe(to);
  });

  it("stop at either end and leave other keys (Tab, letters) to the page", () => {
    expect(indexAfterKey("ArrowLeft", 0, 30)).toBe(0);
    expect(indexAfterKey("PageUp", 27, 30)).toBe(29);
    expect(indexAfterKey("Tab", 5, 30)).toBeNull();
    expect(indexAfterKey("a", 5, 30)).toBeNull();
  });
});

describe("the figures of a position", () => {
  const waves: TooltipData = {
    heading: { before: "Day", after: " since launch" },
    series: [
      { name: "Wave 1", colour: "#2563eb" },
      { name: "Wave 2", colour: "#d97706" },
    ],
    values: [
      [0, 0],
      [12.5, null],
    ],
    unit: "percent",
  };

  it("name the day and each wave's rate, with a dash for a wave not that old", () => {
    const figures = figuresAt(1, waves);
    expect(figures).toEqual({
      heading: "Day 1 since launch",
      lines: [
        { name: "Wave 1", colour: "#2563eb", figure: "12.5%" },
        { name: "Wave 2", colour: "#d97706", figure: "—" },
      ],
      total: null,
    });
    expect(spokenFigures(figures)).toBe("Day 1 since launch: Wave 1 12.5%, Wave 2 —");
  });

  it("of stacked bars name the bar by its label, give counts and add their total", () => {
    const figures = figuresAt(0, { heading: { before: "Week of" }, labels: ["3 Nov"], series: waves.series, values: [[1200, 34]], unit: "count", withTotal: true });
    expect(spokenFigures(figures)).toBe("Week of 3 Nov: Wave 1 1,200, Wave 2 34; total 1,234");
  });
});

describe("Show as table", () => {
  it("sends the figures, not the table: closed, only its summary is drawn", () => {
    const markup = renderToStaticMarkup(createElement(ShowAsTable, { caption: "SMS by country", columns: ["Country", "Delivered"], rows: [["France", "1,234"]] }));
    expect(markup).toContain("<summary");
    expect(markup).toContain("Show as table</summary>");
    expect(markup).not.toContain("<table");
    expect(markup).not.toContain("France");
  });
});
