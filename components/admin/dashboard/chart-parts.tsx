"use client";

import type { ReactNode } from "react";
import type { TooltipContentProps } from "recharts";
import type { Series } from "./series";

/**
 * Axis, grid and tooltip colours follow `currentColor` (the frame's text colour), so they stay readable on the
 * light cards and on the dark ones.
 */
export const axisProps = {
  stroke: "currentColor",
  tick: { fill: "currentColor", fontSize: 12 },
  tickLine: false,
  axisLine: { stroke: "currentColor", strokeOpacity: 0.35 },
} as const;

export const gridProps = { stroke: "currentColor", strokeOpacity: 0.15, strokeDasharray: "3 3" } as const;

/** A bar list's height: a row per item, never shorter than 120 px. */
export const barListHeight = (items: number) => Math.max(120, items * 36 + 32);

/** The chart as one image for assistive technology: `label` states the key fact; the table below has the rest. */
export function ChartFrame({ label, height = 288, children }: { label: string; height?: number; children: ReactNode }) {
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full text-slate-600 dark:text-slate-300">
      {children}
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

export function ChartTooltip({
  active,
  payload,
  label,
  format,
  title = (l) => String(l),
}: Partial<Pick<TooltipContentProps, "active" | "payload" | "label">> & { format: (value: number) => string; title?: (label: unknown) => string }) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-lg bg-white px-3 py-2 text-xs text-slate-800 shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600">
      <p className="mb-1 font-semibold">{title(label)}</p>
      <ul className="space-y-0.5">
        {[...payload].reverse().map((p) => (
          <li key={String(p.dataKey)} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: p.color ?? p.payload?.fill }} />
            <span>{p.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{format(Number(p.value))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
