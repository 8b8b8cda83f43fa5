"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisProps, ChartFrame, ChartLegend, ChartTooltip, gridProps } from "./chart-parts";
import type { Row, Series } from "./series";

const DAY_TICKS = [0, 30, 60, 90, 120, 150, 180];
const percent = (v: number) => `${v}%`;

/** 0 up to the next multiple of 10 above the highest rate (at least 10%), in five even steps. */
function rateTicks(rows: Row[], series: Series[]) {
  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => Number(r[s.key] ?? 0))));
  const top = Math.min(100, Math.max(10, Math.ceil(max / 10) * 10));
  return Array.from({ length: 6 }, (_, i) => Math.round((top / 5) * i * 10) / 10);
}

/** One line per wave: enrollment rate (%) by days since that wave's launch. */
export function AdoptionChart({ rows, series, label }: { rows: Row[]; series: Series[]; label: string }) {
  // A wave launched today has a single point: show it as a dot rather than an invisible line.
  const ticks = rateTicks(rows, series);
  const short = new Set(series.filter((s) => rows.filter((r) => r[s.key] !== undefined).length < 3).map((s) => s.key));
  return (
    <>
      <ChartFrame label={label}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 288 }}>
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 16, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid {...gridProps} />
            <XAxis
              {...axisProps}
              dataKey="day"
              type="number"
              domain={[0, 180]}
              ticks={DAY_TICKS}
              label={{ value: "Days since launch", position: "insideBottom", offset: -10, fill: "currentColor", fontSize: 12 }}
            />
            <YAxis {...axisProps} width={48} tickFormatter={percent} domain={[0, ticks.at(-1)!]} ticks={ticks} />
            <Tooltip
              cursor={{ stroke: "currentColor", strokeOpacity: 0.3 }}
              content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} format={(v) => `${v}%`} title={(day) => `Day ${String(day)} since launch`} />}
            />
            {series.map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                type="monotone"
                stroke={s.colour}
                strokeWidth={2.5}
                strokeDasharray={s.dash}
                dot={short.has(s.key) ? { r: 4, fill: s.colour, strokeWidth: 0 } : false}
                activeDot={{ r: 4 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <ChartLegend series={series} />
    </>
  );
}
