import { formatCount } from "./format";

/** Pure logic behind the charts' tooltip (plot-tooltip.tsx): which position a pointer or key picks, and its figures. */

/**
 * How a chart's positions sit across its plot: a line's days at 0…`span` of a fixed axis (a wave 40 days old still
 * uses the 180-day scale), or bars sharing the width equally.
 */
export type PlotLayout = { kind: "points"; span: number } | { kind: "bands" };

/** The centre of position `index` as a fraction of the plot's width. */
export const fractionOf = (index: number, count: number, layout: PlotLayout) => (layout.kind === "points" ? index / layout.span : (index + 0.5) / count);

/** The position under a pointer `fraction` of the way across the plot, clamped to the positions there are. */
export function indexAt(fraction: number, count: number, layout: PlotLayout) {
  const index = layout.kind === "points" ? Math.round(fraction * layout.span) : Math.floor(fraction * count);
  return Math.max(0, Math.min(count - 1, index));
}

/** Page Up and Page Down move a week of days (or seven bars). */
const PAGE = 7;

/** Where a key moves the slider from `index` (ARIA slider keys), or null for a key it leaves to the page. */
export function indexAfterKey(key: string, index: number, count: number): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case "ArrowLeft":
    case "ArrowDown":
      return clamp(index - 1);
    case "ArrowRight":
    case "ArrowUp":
      return clamp(index + 1);
    case "PageDown":
      return clamp(index - PAGE);
    case "PageUp":
      return clamp(index + PAGE);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

export interface TooltipSeries {
  name: string;
  colour: string;
}

export interface TooltipData {
  /** Position i is headed `${before} ${labels[i] ?? i}${after}`: "Day 12 since launch", "Week of 3 Nov". */
  heading: { before: string; after?: string };
  labels?: string[];
  series: TooltipSeries[];
  /** One row per position, one figure per series; null where a series has no figure (a wave not that old yet). */
  values: (number | null)[][];
  unit: "percent" | "count";
  /** Adds the row's sum: stacked bars. */
  withTotal?: boolean;
}

export interface PositionFigures {
  heading: string;
  lines: (TooltipSeries & { figure: string })[];
  total: string | null;
}

export function figuresAt(index: number, { heading, labels, series, values, unit, withTotal }: TooltipData): PositionFigures {
  const row = values[index] ?? [];
  const figure = (v: number | null | undefined) => (v === null || v === undefined ? "—" : unit === "percent" ? `${v}%` : formatCount(v));
  return {
    heading: `${heading.before} ${labels?.[index] ?? index}${heading.after ?? ""}`,
    lines: series.map((s, i) => ({ ...s, figure: figure(row[i]) })),
    total: withTotal ? formatCount(row.reduce<number>((sum, v) => sum + (v ?? 0), 0)) : null,
  };
}

/** The same figures as one sentence: what a screen reader says for the slider's value. */
export const spokenFigures = ({ heading, lines, total }: PositionFigures) =>
  `${heading}: ${lines.map((l) => `${l.name} ${l.figure}`).join(", ")}${total === null ? "" : `; total ${total}`}`;
