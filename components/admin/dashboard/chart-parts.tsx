import type { ReactNode } from "react";
import type { Series } from "./series";

// The dashboard's charts are drawn on the server as HTML and SVG: no chart library in the browser, and as few elements
// as the picture needs (the page's size and hydration are what slow it on a phone). Axis text and grid lines follow
// `currentColor` (the frame's text colour), so they stay readable on light and dark cards. A bar list's bars show
// their figures on hover (a native tooltip); the line and stacked charts have one tooltip layer (plot-tooltip.tsx)
// for pointer, touch and keyboard. The table under each chart has all the figures.

/** A bar list's height: a row per item, never shorter than 120 px. */
export const barListHeight = (items: number) => Math.max(120, items * 36 + 32);

/**
 * The chart as one image for assistive technology: `label` states the key fact; the table below has the rest.
 * An `overlay` (the tooltip slider) is interactive, so it sits beside the image, over it, not inside it.
 */
export function ChartFrame({ label, height = 288, children, overlay }: { label: string; height?: number; children: ReactNode; overlay?: ReactNode }) {
  const frame = (
    <div role="img" aria-label={label} style={{ height }} className="relative w-full text-xs text-slate-600 dark:text-slate-300">
      {children}
    </div>
  );
  if (!overlay) return frame;
  return (
    <div className="relative">
      {frame}
      {overlay}
    </div>
  );
}

export function ChartLegend({ series }: { series: Series[] }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1.5 text-xs text-slate-700 dark:text-slate-300">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <svg aria-hidden="true" width="22" height="10" className="shrink-0">
            <line x1="1" y1="5" x2="21" y2="5" stroke={s.colour} strokeWidth="3" strokeDasharray={s.dash} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** 0 to `top` in five even steps. */
export const evenTicks = (top: number) => Array.from({ length: 6 }, (_, i) => Math.round((top / 5) * i * 10) / 10);

/** Ticks for a count: 0 up to a round number at or above `max` in five whole steps (1, 2, 2.5 … 8 × 10ⁿ). */
export function countTicks(max: number): number[] {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(max, 1) / 5)));
  const step = [1, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * magnitude).find((s) => Number.isInteger(s) && s * 5 >= max)!;
  return evenTicks(step * 5);
}

/** Where `value` sits on a 0…`top` axis, as a CSS percentage from the bottom (or left). */
export const percentOf = (value: number, top: number) => `${top ? Math.min(100, (100 * value) / top) : 0}%`;

/** The gap between a y-axis label and the plot area. */
const LABEL_GAP = 8;

/**
 * Y-axis labels and horizontal grid lines over a plot area that starts `left` px in and ends `bottom` px up: one
 * element per tick, its label right-aligned in the first grid column and its line drawn by `::after` in the second.
 */
export function ValueGrid({ ticks, format, left, bottom }: { ticks: number[]; format: (v: number) => string; left: number; bottom: number }) {
  const top = ticks.at(-1)!;
  return (
    <div aria-hidden="true" className="absolute inset-0" style={{ bottom }}>
      {ticks.map((t) => (
        <div
          key={t}
          className="absolute inset-x-0 grid translate-y-1/2 items-center text-right tabular-nums after:border-t after:border-dashed after:border-current after:opacity-25"
          style={{ bottom: percentOf(t, top), gridTemplateColumns: `${left - LABEL_GAP}px 1fr`, columnGap: LABEL_GAP }}
        >
          {format(t)}
        </div>
      ))}
    </div>
  );
}
