"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis, type LabelProps } from "recharts";
import { axisProps, barListHeight, ChartFrame, ChartTooltip, gridProps } from "./chart-parts";
import { formatCount } from "./format";

export interface BarItem {
  name: string;
  value: number;
  /** Printed at the end of the bar, e.g. "12 · 40%". */
  label: string;
  colour: string;
}

/** The figure just past the end of its bar, on one line (the default label wraps to the bar's width). */
function EndLabel({ viewBox, value }: LabelProps) {
  if (!viewBox || !("width" in viewBox)) return null;
  const { x, y, width, height } = viewBox;
  return (
    <text x={x + width + 6} y={y + height / 2} dominantBaseline="central" fill="currentColor" fontSize={12}>
      {value}
    </text>
  );
}

/**
 * Horizontal bars with their figure printed at the end: method mix, SMS delivery by country.
 * `max` fixes the scale (100 for percentages); `unit` is added to the tooltip value.
 */
export function BarListChart({ items, label, max, unit = "", nameWidth = 112 }: { items: BarItem[]; label: string; max?: number; unit?: string; nameWidth?: number }) {
  const height = barListHeight(items.length);
  return (
    <ChartFrame label={label} height={height}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 400, height }}>
        <BarChart data={items} layout="vertical" margin={{ top: 0, right: 104, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid {...gridProps} horizontal={false} />
          <XAxis {...axisProps} type="number" domain={[0, max ?? "auto"]} allowDecimals={false} tickFormatter={(v: number) => `${formatCount(v)}${unit}`} />
          <YAxis {...axisProps} type="category" dataKey="name" width={nameWidth} interval={0} />
          <Tooltip
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
            content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} format={(v) => `${formatCount(v)}${unit}`} />}
          />
          <Bar dataKey="value" name={unit === "%" ? "Share" : "Count"} barSize={20} radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {items.map((item) => (
              <Cell key={item.name} fill={item.colour} />
            ))}
            <LabelList dataKey="label" content={EndLabel} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
